package dev.symphony.ui.board;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.MelodyDocument;
import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.tabs.OpenDocument;
import dev.symphony.ui.tabs.TabContent;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A {@code *.melody.json} file in a tab: the Harmony Board or the JSON text, one document. The tab's buffer holds the
 * text (so saving, the dirty marker, hot exit and changes on disk work as for every file); the board reads it through
 * the conductor's {@code MelodyDocument} and writes each edit back as one command edit of the buffer, changing only
 * the characters that edit changed. Undo and redo on the board are the buffer's, so both views share one history.
 * Text that is not a Melody object is never replaced: the tab shows the JSON with the problem's file, line and column.
 */
public final class MelodyTab extends BorderPane implements TabContent {
    public static final String TOGGLE_BOARD_ID = "melody-show-board";
    public static final String TOGGLE_JSON_ID = "melody-show-json";
    public static final String ERROR_ID = "melody-error";
    public static final String RUN_ID = "board-run";
    public static final String STOP_ID = "board-stop";
    public static final String RUN_STATUS_ID = "board-run-status";
    public static final String RUN_LOG_ID = "board-run-log";
    public static final String RUN_FROM_ID = "board-run-from";
    private static final Duration REPARSE_AFTER = Duration.millis(300);

    private final OpenDocument document;
    private final EditorPane editor;
    private final CapabilityCatalog catalog;
    private final FxBridge bridge;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ToggleButton showBoard = new ToggleButton("Board");
    private final ToggleButton showJson = new ToggleButton("JSON");
    private final Label error = new Label();
    private final BorderPane boardArea = new BorderPane();
    private final PauseTransition reparseLater = new PauseTransition(REPARSE_AFTER);
    private final BufferListener onText = (before, after, change) -> textChanged();
    private final java.util.function.Supplier<java.util.List<PaletteEntry>> paletteEntries;
    private final java.util.function.Function<BoardViewModel, BoardRun> runs;
    private final Path historyRoot;
    private final java.util.function.Consumer<Path> opener;
    private final ToggleButton showHistory = new ToggleButton("History");
    private HistoryPanel history;
    private final MelodyRunControls runControls;
    private BoardView board;
    private BoardPalette palette;
    private NodeInspector inspector;
    private BoardViewModel vm;
    private boolean writing;

    /**
     * {@code historyRoot}: where version histories are kept (null: no history); {@code opener}: opens a file in the
     * workbench (a sub-Melody from its node; null: not offered).
     */
    public MelodyTab(OpenDocument document, EditorPane editor, CapabilityCatalog catalog, FxBridge bridge,
                     java.util.function.Supplier<java.util.List<PaletteEntry>> paletteEntries,
                     java.util.function.Function<BoardViewModel, BoardRun> runs, Path historyRoot,
                     java.util.function.Consumer<Path> opener) {
        this.historyRoot = historyRoot;
        this.opener = opener;
        this.paletteEntries = paletteEntries;
        this.runs = runs;
        this.document = document;
        this.editor = editor;
        this.catalog = catalog;
        this.bridge = bridge;
        getStyleClass().add("melody-tab");
        ToggleGroup views = new ToggleGroup();
        showBoard.setToggleGroup(views);
        showJson.setToggleGroup(views);
        showBoard.setId(TOGGLE_BOARD_ID);
        showJson.setId(TOGGLE_JSON_ID);
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c62828; -fx-padding: 2 8 2 8;");
        error.setManaged(false);
        error.setVisible(false);
        Region grow = new Region();
        javafx.scene.layout.HBox.setHgrow(grow, Priority.ALWAYS);
        runControls = new MelodyRunControls(boardArea, runs != null, this::run, this::runFromSelected);
        showHistory.setId(HistoryPanel.ID + "-toggle");
        showHistory.setDisable(historyRoot == null);
        showHistory.setOnAction(e -> boardArea.setRight(showHistory.isSelected() && history != null ? history : inspector));
        ToolBar bar = new ToolBar(showBoard, showJson, new javafx.scene.control.Separator());
        bar.getItems().addAll(runControls.toolbarItems());
        bar.getItems().addAll(grow, showHistory);
        setTop(new VBox(bar, error));
        views.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) {
                was.setSelected(true); // one view is always shown
            }
        });
        showBoard.setOnAction(e -> showBoard());
        showJson.setOnAction(e -> showJson());
        reparseLater.setOnFinished(e -> reparse());
        document.buffer().addListener(onText);
        reparse();
        if (vm != null) {
            showBoard();
        } else {
            showJson();
        }
    }

    /** The board, or null while the text has never been a Melody object. */
    public BoardView board() {
        return board;
    }

    public OpenDocument document() {
        return document;
    }

    /**
     * Runs the Melody as the board shows it; the run panel opens below the board. A Melody that declares inputs
     * asks for them first ({@link RunInputsForm}).
     */
    public void run() {
        if (runControls.run() == null) {
            return;
        }
        showBoard();
        if (boardShown()) {
            runControls.start();
        }
    }

    /** Runs the selected node and what follows it again, reusing the last run's results for the rest. */
    public void runFromSelected() {
        if (runControls.run() == null || vm.selection().size() != 1) {
            return;
        }
        showBoard();
        runControls.startFromSelected();
    }

    /** The panel below the board (approvals, debugger, values, log); null without a board. */
    public RunPanel runPanel() {
        return runControls.panel();
    }

    /** The board's run (null while there is no board, or without a conductor to run it). */
    public BoardRun boardRun() {
        return runControls.run();
    }

    /** The version history beside the board (null without a board or a history folder). */
    public HistoryPanel history() {
        return history;
    }

    /** Shows the version history beside the board (in place of the inspector), or the inspector again. */
    public void toggleHistory() {
        showBoard();
        showHistory.setSelected(!showHistory.isSelected() && history != null);
        boardArea.setRight(showHistory.isSelected() ? history : inspector);
    }

    /** Opens the Melody the selected sub-Melody node runs in its own tab ({@link SubMelodies#open}). */
    public void openSubMelody() {
        if (vm != null && opener != null) {
            SubMelodies.open(vm, opener);
        }
    }

    /** Puts {@code text} in the tab as one undoable command edit (only the characters that differ change). */
    void replaceText(String text) {
        String before = document.text();
        if (before.equals(text)) {
            return;
        }
        MelodyDocument.Change change = MelodyDocument.Change.between(before, text);
        document.buffer().edit(ChangeSet.of(new TextEdit(change.start(), change.end(), change.replacement())), EditKind.COMMAND);
    }

    public BoardPalette palette() {
        return palette;
    }

    public NodeInspector inspector() {
        return inspector;
    }

    /** A palette entry dropped on the board is added where it was dropped. */
    private void acceptDrops() {
        board.setOnDragOver(e -> {
            if (palette.dragged(e.getDragboard().getString()) != null) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        board.setOnDragDropped(e -> {
            PaletteEntry entry = palette.dragged(e.getDragboard().getString());
            if (entry != null) {
                vm.add(entry, new MelodyEdits.Point((e.getX() - vm.translateXProperty().get()) / vm.scaleProperty().get(),
                        (e.getY() - vm.translateYProperty().get()) / vm.scaleProperty().get()));
                board.requestFocus();
            }
            e.setDropCompleted(entry != null);
            e.consume();
        });
    }

    /** Dark theme colours for the board. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean boardShown() {
        return getCenter() == boardArea;
    }

    /** Shows the board; refused (the JSON stays, the problem above it) while the text is not a Melody object. */
    public void showBoard() {
        reparse();
        if (vm == null || error.isVisible()) {
            showJson.setSelected(true);
            setCenter(editor);
            return;
        }
        showBoard.setSelected(true);
        setCenter(boardArea);
        board.requestFocus();
    }

    public void showJson() {
        showJson.setSelected(true);
        setCenter(editor);
        editor.view().requestFocus();
    }

    /** Shows the other view. */
    public void toggle() {
        if (boardShown()) {
            showJson();
        } else {
            showBoard();
        }
    }

    @Override
    public EditorPane shownEditor() {
        return boardShown() ? null : editor;
    }

    @Override
    public void dispose() {
        reparseLater.stop();
        if (runControls.run() != null) {
            runControls.run().stop();
        }
        document.buffer().removeListener(onText);
    }

    private void textChanged() {
        if (writing) {
            return;
        }
        if (boardShown()) {
            reparse(); // an undo or a change on disk while the board shows: the board follows at once
        } else {
            reparseLater.playFromStart();
        }
    }

    /** Reads the buffer's text into the board; a text that is not a Melody object leaves the board as it was and says why. */
    private void reparse() {
        reparseLater.stop();
        String text = document.text();
        if (text.isBlank()) { // a new, empty file: an empty Melody on the board, written with the first board edit
            text = newMelody(document.path());
        }
        try {
            if (vm == null) {
                Path source = document.path();
                vm = new BoardViewModel(new BoardDocument(text, source, catalog), source, bridge);
                vm.setUndoRedo(() -> document.buffer().undo(), () -> document.buffer().redo());
                vm.revisionProperty().addListener(o -> writeBack());
                board = new BoardView(vm);
                board.darkProperty().bind(dark);
                boardArea.setCenter(board);
                palette = new BoardPalette(paletteEntries, entry -> {
                    vm.add(entry, vm.centre(board.getWidth(), board.getHeight()));
                    board.requestFocus();
                });
                inspector = new NodeInspector(vm);
                if (historyRoot != null) {
                    history = new HistoryPanel(historyRoot, document.isUntitled() ? null : document.path(), vm, bridge,
                            document::text, this::replaceText);
                    document.dirtyProperty().addListener((o, was, is) -> {
                        if (was && !is) {
                            history.record(document.text(), "saved");
                        }
                    });
                }
                boardArea.setLeft(palette);
                boardArea.setRight(inspector);
                acceptDrops();
                if (runs != null) {
                    runControls.attach(runs.apply(vm), vm, board);
                }
            } else if (!text.equals(vm.document().text())) {
                writing = true; // the board's change listener must not write the text back
                try {
                    vm.document().replaceText(text);
                } finally {
                    writing = false;
                }
            }
            error.setText("");
            error.setVisible(false);
            error.setManaged(false);
        } catch (InvalidMelodyException e) {
            error.setText("Not shown on the board: " + describe(e));
            error.setVisible(true);
            error.setManaged(true);
            if (boardShown()) {
                showJson();
            }
        }
    }

    /**
     * What an empty {@code *.melody.json} file shows on the board: a Melody named after the file with no nodes. The
     * file stays empty until the board's first edit writes this text with the edit (one undo step back to empty).
     */
    static String newMelody(Path file) {
        String name = file == null || file.getFileName() == null ? "melody"
                : file.getFileName().toString().replaceFirst("\\.melody\\.json$", "");
        return "{\n  \"formatVersion\": 1,\n  \"name\": "
                + com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(name) + ",\n"
                + "  \"nodes\": [],\n  \"connections\": []\n}\n";
    }

    /** The board changed the document: the same change goes into the buffer, as one undoable command edit. */
    private void writeBack() {
        if (writing) {
            return;
        }
        String before = document.text();
        String after = vm.document().text();
        if (before.equals(after)) {
            return;
        }
        writing = true;
        try {
            replaceText(after);
        } finally {
            writing = false;
        }
    }

    /** The first problem with its place ({@code FILE:LINE:COLUMN} for a syntax error, else the file and JSON path). */
    static String describe(InvalidMelodyException e) {
        if (e.problems().isEmpty()) {
            return e.getMessage();
        }
        var p = e.problems().get(0);
        String more = e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : "";
        return p.message().startsWith("not valid JSON at ") ? p.message() + more
                : e.getMessage().lines().findFirst().orElse("") + " " + p + more;
    }
}
