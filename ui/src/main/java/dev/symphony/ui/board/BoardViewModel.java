package dev.symphony.ui.board;

import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.board.MelodyEdits.Point;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * The state and commands of one board: the document, the selection, the viewport (pan and zoom), node states of a
 * run, and the edits people make (each one undoable). Never touches a scene node; {@link BoardView} draws it.
 */
public final class BoardViewModel {
    public static final double GRID = 20;
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 4;

    private final BoardDocument document;
    private final ConnectionRules rules;
    private final FxBridge bridge;
    private final ObservableSet<String> selection = FXCollections.observableSet(new HashSet<>());
    private final ObservableMap<String, NodeState> states = FXCollections.observableHashMap();
    private final DoubleProperty translateX = new SimpleDoubleProperty(40);
    private final DoubleProperty translateY = new SimpleDoubleProperty(40);
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<BoardGraph> graph = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final AtomicBoolean layoutCancelled = new AtomicBoolean();
    private boolean layoutRunning;
    private Runnable[] undoRedo;

    /** What the board shows of a node in a run (APPROVAL: waits for an answer; PAUSED: held by a breakpoint). */
    public enum NodeState {
        READY, RUNNING, SUCCEEDED, FAILED, RETRIED, SKIPPED, WAITING, APPROVAL, PAUSED;

        /** The word drawn on the node. */
        public String label() {
            return this == APPROVAL ? "approve?" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ObservableSet<String> breakpoints = FXCollections.observableSet(new HashSet<>());
    private final BoardOverlays overlays = new BoardOverlays();

    /** Pins, values on connections and version-diff marks drawn over the Melody. */
    public BoardOverlays overlays() {
        return overlays;
    }

    /** Nodes a debugged run pauses before (drawn as a red dot). */
    public ObservableSet<String> breakpoints() {
        return breakpoints;
    }

    public BoardViewModel(BoardDocument document, Path source, FxBridge bridge) {
        this.document = document;
        this.bridge = bridge;
        this.rules = new ConnectionRules(new MelodyReader(document.catalog()), source);
        graph.set(document.graph());
        document.setOnChange(d -> {
            graph.set(d.graph());
            selection.retainAll(d.graph().byId().keySet());
            revision.set(revision.get() + 1);
        });
    }

    public BoardDocument document() {
        return document;
    }

    public ObjectProperty<BoardGraph> graphProperty() {
        return graph;
    }

    /** Counts every change of the document (edits, undo, redo, text replaced). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ObservableSet<String> selection() {
        return selection;
    }

    public ObservableMap<String, NodeState> states() {
        return states;
    }

    public DoubleProperty translateXProperty() {
        return translateX;
    }

    public DoubleProperty translateYProperty() {
        return translateY;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** The last refusal or error, for the board's banner and the status bar ("" when none). */
    public StringProperty messageProperty() {
        return message;
    }

    // --- viewport -----------------------------------------------------------------------------------

    public void pan(double dx, double dy) {
        translateX.set(translateX.get() + dx);
        translateY.set(translateY.get() + dy);
    }

    /** Zooms by {@code factor} keeping the board point under screen point ({@code sx}, {@code sy}) where it is. */
    public void zoomAt(double factor, double sx, double sy) {
        double old = scale.get();
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, old * factor));
        double bx = (sx - translateX.get()) / old;
        double by = (sy - translateY.get()) / old;
        scale.set(next);
        translateX.set(sx - bx * next);
        translateY.set(sy - by * next);
    }

    /** Shows the whole Melody (or the selection, if any) in a viewport of the given size. */
    public void zoomToFit(double width, double height) {
        double[] b = bounds(selection.isEmpty() ? null : selection);
        if (b == null) {
            return;
        }
        double s = Math.max(MIN_SCALE, Math.min(1.5, Math.min((width - 80) / (b[2] - b[0]), (height - 80) / (b[3] - b[1]))));
        scale.set(s);
        translateX.set((width - (b[2] - b[0]) * s) / 2 - b[0] * s);
        translateY.set((height - (b[3] - b[1]) * s) / 2 - b[1] * s);
    }

    /** minX, minY, maxX, maxY of the nodes (all if {@code ids} is null); null if there are none. */
    public double[] bounds(Set<String> ids) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        boolean any = false;
        for (BoardGraph.BoardNode n : graph.get().nodes()) {
            if (ids == null || ids.contains(n.id())) {
                any = true;
                b[0] = Math.min(b[0], n.x());
                b[1] = Math.min(b[1], n.y());
                b[2] = Math.max(b[2], n.x() + BoardGraph.NODE_WIDTH);
                b[3] = Math.max(b[3], n.y() + BoardGraph.NODE_HEIGHT);
            }
        }
        return any ? b : null;
    }

    public static double snap(double v) {
        return Math.round(v / GRID) * GRID;
    }

    // --- selection ----------------------------------------------------------------------------------

    public void selectAll() {
        selection.addAll(graph.get().byId().keySet());
    }

    /** Selects the nodes inside a board rectangle (adding to the selection if {@code add}). */
    public void selectBox(double x0, double y0, double x1, double y1, boolean add) {
        double minX = Math.min(x0, x1);
        double maxX = Math.max(x0, x1);
        double minY = Math.min(y0, y1);
        double maxY = Math.max(y0, y1);
        Set<String> inside = new HashSet<>();
        for (BoardGraph.BoardNode n : graph.get().nodes()) {
            if (n.x() >= minX && n.y() >= minY && n.x() + BoardGraph.NODE_WIDTH <= maxX && n.y() + BoardGraph.NODE_HEIGHT <= maxY) {
                inside.add(n.id());
            }
        }
        if (!add) {
            selection.retainAll(inside);
        }
        selection.addAll(inside);
    }

    // --- edits --------------------------------------------------------------------------------------

    /** Moves the selected nodes by (dx, dy) board units, each snapped to the grid: one undoable step. */
    public void moveSelection(double dx, double dy) {
        Map<String, Point> moved = new HashMap<>();
        for (String id : selection) {
            BoardGraph.BoardNode n = graph.get().node(id);
            if (n != null) {
                moved.put(id, new Point(snap(n.x() + dx), snap(n.y() + dy)));
            }
        }
        edit(moved.size() == 1 ? "Move Node" : "Move Nodes", t -> MelodyEdits.move(t, moved));
    }

    /** Connects two nodes, or says why not (the message property too). */
    public Optional<String> connect(String from, String to) {
        Optional<String> refusal = rules.refusal(document.melody(), graph.get(), from, to);
        if (refusal.isPresent()) {
            message.set("Cannot connect " + from + " → " + to + ": " + refusal.get());
            return refusal;
        }
        edit("Connect", t -> MelodyEdits.connect(t, from, to));
        return Optional.empty();
    }

    public void deleteSelection() {
        if (!selection.isEmpty()) {
            Set<String> ids = Set.copyOf(selection);
            edit(ids.size() == 1 ? "Delete Node" : "Delete " + ids.size() + " Nodes", t -> MelodyEdits.remove(t, ids, List.of()));
        }
    }

    /** Removes connection {@code index} of the file. */
    public void deleteConnection(int index) {
        edit("Delete Connection", t -> MelodyEdits.remove(t, List.of(), List.of(index)));
    }

    /** The selection as Melody JSON (empty if nothing is selected). */
    public String copySelection() {
        return selection.isEmpty() ? "" : BoardClipboard.copy(document.tree(), graph.get(), selection);
    }

    /** Pastes Melody JSON with its top-left at {@code at}; the pasted nodes become the selection. */
    public void paste(String text, Point at) {
        BoardClipboard.Paste paste;
        try {
            paste = BoardClipboard.paste(text, graph.get().byId().keySet(), new Point(snap(at.x()), snap(at.y())));
        } catch (IllegalArgumentException e) {
            message.set("Cannot paste: " + e.getMessage());
            return;
        }
        if (edit(paste.nodes().size() == 1 ? "Paste Node" : "Paste " + paste.nodes().size() + " Nodes",
                t -> MelodyEdits.add(t, paste.nodes(), paste.connections(), paste.positions()))) {
            selection.clear();
            selection.addAll(paste.ids());
        }
    }

    /**
     * Adds a node of {@code entry}'s kind at board point {@code at} (snapped), with a free id from its kind; it
     * becomes the selection. One undoable step.
     */
    public String add(PaletteEntry entry, Point at) {
        String id = MelodyEdits.freeId(entry.idBase(), graph.get().byId().keySet());
        com.fasterxml.jackson.databind.node.ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.setAll(entry.template().deepCopy());
        Point snapped = new Point(snap(at.x()), snap(at.y()));
        if (!edit("Add " + entry.title(), t -> MelodyEdits.add(t, List.of(node), List.of(), Map.of(id, snapped)))) {
            return null;
        }
        selection.clear();
        selection.add(id);
        return id;
    }

    /** The board point at the centre of a viewport of the given size. */
    public Point centre(double width, double height) {
        return new Point((width / 2 - translateX.get()) / scale.get(), (height / 2 - translateY.get()) / scale.get());
    }

    public void undo() {
        if (undoRedo != null) {
            undoRedo[0].run();
        } else {
            run(document::undo);
        }
    }

    public void redo() {
        if (undoRedo != null) {
            undoRedo[1].run();
        } else {
            run(document::redo);
        }
    }

    /**
     * Undo and redo go to another history than the document's own: a board in a tab shares its file's one history
     * with the JSON view (each board edit is one step of the tab's buffer), so both views undo the same steps.
     */
    public void setUndoRedo(Runnable undo, Runnable redo) {
        this.undoRedo = new Runnable[] {undo, redo};
    }

    /**
     * Lays out the selection (or, with none, the whole Melody) on a background thread; the result is one undoable
     * step. A second request while one runs cancels the first.
     */
    public void autoLayout(Runnable whenDone) {
        if (layoutRunning) {
            layoutCancelled.set(true);
            return;
        }
        BoardGraph g = graph.get();
        Set<String> ids = selection.size() > 1 ? Set.copyOf(selection) : null;
        layoutCancelled.set(false);
        layoutRunning = true;
        message.set("Laying out " + (ids == null ? g.nodes().size() : ids.size()) + " nodes…");
        bridge.compute(() -> AutoLayout.layout(g, ids, layoutCancelled::get), positions -> {
            layoutRunning = false;
            if (graph.get() != g) {
                message.set("Layout dropped: the Melody changed meanwhile");
            } else if (!positions.isEmpty()) {
                Map<String, Point> snapped = new HashMap<>();
                positions.forEach((id, p) -> snapped.put(id, new Point(snap(p.x()), snap(p.y()))));
                edit("Auto-Layout", t -> MelodyEdits.move(t, snapped));
                message.set("");
            } else {
                message.set("Layout cancelled");
            }
            whenDone.run();
        }, failure -> {
            layoutRunning = false;
            message.set("Layout failed: " + failure);
            whenDone.run();
        });
    }

    /** Applies one edit; on failure the document is unchanged and the message says why. */
    public boolean edit(String label, BoardDocument.Edit edit) {
        try {
            document.apply(label, edit);
            return true;
        } catch (InvalidMelodyException | RuntimeException e) {
            message.set(label + " failed: " + e.getMessage());
            return false;
        }
    }

    private interface IoAction {
        void run() throws InvalidMelodyException;
    }

    private void run(IoAction action) {
        try {
            action.run();
        } catch (InvalidMelodyException e) {
            message.set(e.getMessage());
        }
    }
}
