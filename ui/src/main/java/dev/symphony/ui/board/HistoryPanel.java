package dev.symphony.ui.board;

import dev.symphony.ui.FxBridge;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Melody's version history beside the board ({@link MelodyHistory}): every version (number, time, why, size);
 * <b>Compare</b> two selected versions, or one with the text shown now, lists what changed ({@link MelodyDiff}) and
 * outlines the changed nodes on the board (added green, changed amber, moved purple); <b>Restore</b> puts a version's
 * text in the tab as one undoable edit and records it as a new version (the text before it too), so nothing is lost.
 * The history is read and written off the JavaFX thread.
 */
public final class HistoryPanel extends VBox {
    public static final String ID = "board-history";
    public static final String LIST_ID = "board-history-versions";
    public static final String COMPARE_ID = "board-history-compare";
    public static final String RESTORE_ID = "board-history-restore";
    public static final String DIFF_ID = "board-history-diff";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final BoardViewModel vm;
    private final FxBridge bridge;
    private final Supplier<String> shown;
    private final Consumer<String> replace;
    private final ListView<MelodyHistory.Version> list = new ListView<>();
    private final ListView<String> diff = new ListView<>();
    private final Label status = new Label();
    private MelodyHistory history;

    /**
     * {@code root}: where histories are kept; {@code melody}: the file; {@code shown}: the text the tab shows now;
     * {@code replace}: puts a text in the tab as one undoable edit.
     */
    HistoryPanel(Path root, Path melody, BoardViewModel vm, FxBridge bridge, Supplier<String> shown, Consumer<String> replace) {
        this.vm = vm;
        this.bridge = bridge;
        this.shown = shown;
        this.replace = replace;
        setId(ID);
        setSpacing(6);
        setPrefWidth(300);
        setStyle("-fx-padding: 6;");
        list.setId(LIST_ID);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MelodyHistory.Version item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "v" + item.number() + "  " + TIME.format(item.time()) + "  "
                        + item.note() + "  (" + item.bytes() + " bytes)");
            }
        });
        list.setPrefHeight(180);
        list.setMinHeight(110);
        diff.setId(DIFF_ID);
        VBox.setVgrow(diff, Priority.ALWAYS);
        status.setWrapText(true);
        Button compare = new Button("Compare");
        compare.setId(COMPARE_ID);
        compare.setOnAction(e -> compareSelected());
        Button restore = new Button("Restore");
        restore.setId(RESTORE_ID);
        restore.setOnAction(e -> restoreSelected());
        Button clear = new Button("Clear Marks");
        clear.setOnAction(e -> {
            vm.overlays().diff().clear();
            diff.getItems().clear();
        });
        Label title = new Label("Versions (select two to compare, or one to compare with the board)");
        title.setWrapText(true);
        getChildren().addAll(title, list, new HBox(6, compare, restore, clear), status, diff);
        if (melody == null) {
            status.setText("An unsaved Melody has no history yet; save it to a file first.");
            return;
        }
        bridge.compute(() -> {
            try {
                return MelodyHistory.open(root, melody);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, h -> {
            history = h;
            record(shown.get(), "opened");
        }, e -> status.setText("The history cannot be read: " + e.getMessage()));
    }

    /** Work on the history, off the JavaFX thread. */
    private interface HistoryWork<T> {
        T on(MelodyHistory h) throws java.io.IOException;
    }

    /** Runs {@code work} on the history off the JavaFX thread (one at a time), then {@code done} on it. */
    private <T> void withHistory(HistoryWork<T> work, Consumer<T> done, String failure) {
        MelodyHistory h = history;
        if (h == null) {
            return;
        }
        bridge.compute(() -> {
            synchronized (h) {
                try {
                    return work.on(h);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, done, e -> {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e; // its words, not the wrapper's
            status.setText(failure + cause.getMessage());
        });
    }

    /** Records {@code text} as a version (nothing when the history ends with it), then shows the list. */
    void record(String text, String note) {
        withHistory(h -> {
            h.record(text, note);
            return h.versions();
        }, this::show, "The version was not recorded: ");
    }

    /** The versions shown (for tests and the screenshot). */
    public List<MelodyHistory.Version> versions() {
        return List.copyOf(list.getItems());
    }

    /** The diff's lines shown. */
    public List<String> diffLines() {
        return List.copyOf(diff.getItems());
    }

    public String status() {
        return status.getText();
    }

    private void show(List<MelodyHistory.Version> versions) {
        list.setItems(FXCollections.observableArrayList(versions));
    }

    /** Compares versions {@code older} and {@code newer} (0: the text shown now). */
    public void compare(int older, int newer) {
        String now = shown.get();
        withHistory(h -> MelodyDiff.between(h.text(older), newer == 0 ? now : h.text(newer), "version " + older,
                newer == 0 ? "the board" : "version " + newer), d -> {
            diff.setItems(FXCollections.observableArrayList(d.lines()));
            vm.overlays().diff().clear();
            d.addedNodes().forEach(n -> vm.overlays().diff().put(n, BoardOverlays.DiffMark.ADDED));
            d.movedNodes().forEach(n -> vm.overlays().diff().put(n, BoardOverlays.DiffMark.MOVED));
            d.changedNodes().keySet().forEach(n -> vm.overlays().diff().put(n, BoardOverlays.DiffMark.CHANGED));
            status.setText("v" + older + " → " + (newer == 0 ? "the board" : "v" + newer) + ": "
                    + (d.isEmpty() ? "no changes" : d.lines().size() + " changes"));
        }, "Not compared: ");
    }

    /** Restores {@code number}: its text goes into the tab (one undoable edit) and is recorded as a new version. */
    public void restore(int number) {
        String now = shown.get();
        withHistory(h -> java.util.Map.entry(h.restore(number, now), h.versions()), r -> {
            replace.accept(r.getKey());
            show(r.getValue());
            vm.overlays().diff().clear();
            status.setText("Restored version " + number + " as v" + r.getValue().size()
                    + " (the text before it is kept as a version; save to write it to the file)");
        }, "Not restored: ");
    }

    private void compareSelected() {
        var sel = list.getSelectionModel().getSelectedItems().stream().mapToInt(MelodyHistory.Version::number).sorted().toArray();
        if (sel.length == 1) {
            compare(sel[0], 0);
        } else if (sel.length == 2) {
            compare(sel[0], sel[1]);
        } else {
            status.setText("Select one version (compared with the board) or two");
        }
    }

    private void restoreSelected() {
        var sel = list.getSelectionModel().getSelectedItems();
        if (sel.size() != 1) {
            status.setText("Select the one version to restore");
            return;
        }
        restore(sel.get(0).number());
    }
}
