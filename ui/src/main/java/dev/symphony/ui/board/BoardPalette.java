package dev.symphony.ui.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The palette: every built-in node and every capability of every installed extension, grouped by kind (Built-in,
 * Instruments, Operators), searchable by words; Enter or a double click adds the entry at the board's centre, a drag
 * adds it where it is dropped. A tooltip shows the description and the input and output schemas.
 */
public final class BoardPalette extends VBox {
    public static final String SEARCH_ID = "board-palette-search";
    public static final String LIST_ID = "board-palette";
    /** What a palette drag carries (then the entry's index in {@link #all()}). */
    static final String DRAG_PREFIX = "symphony-board-palette:";

    private final Supplier<List<PaletteEntry>> entries;
    private final TextField search = new TextField();
    private final ListView<PaletteEntry> list = new ListView<>();
    private final ObservableList<PaletteEntry> shown = FXCollections.observableArrayList();
    private List<PaletteEntry> all = List.of();

    /** {@code entries}: read again on {@link #refresh()} (extensions come and go); {@code add}: adds one at the centre. */
    public BoardPalette(Supplier<List<PaletteEntry>> entries, Consumer<PaletteEntry> add) {
        this.entries = entries;
        getStyleClass().add("board-palette");
        setPrefWidth(230);
        setMinWidth(160);
        search.setId(SEARCH_ID);
        search.setPromptText("Search nodes");
        list.setId(LIST_ID);
        list.setItems(shown);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(new Label("Palette"), search, list);
        search.textProperty().addListener((o, a, q) -> filter());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !shown.isEmpty()) {
                add.accept(list.getSelectionModel().isEmpty() ? shown.get(0) : list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                add.accept(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        list.setCellFactory(v -> new EntryCell(add));
        refresh();
    }

    /** Reads the entries again (an extension was installed or removed). */
    public void refresh() {
        List<PaletteEntry> sorted = new ArrayList<>(entries.get());
        sorted.sort(Comparator.comparing((PaletteEntry e) -> !e.group().equals("Built-in")).thenComparing(PaletteEntry::group)
                .thenComparing(PaletteEntry::title));
        all = List.copyOf(sorted);
        filter();
    }

    public List<PaletteEntry> all() {
        return all;
    }

    public TextField searchField() {
        return search;
    }

    public ListView<PaletteEntry> list() {
        return list;
    }

    /** The entry a drag carries, or null if it is not a palette drag. */
    PaletteEntry dragged(String content) {
        if (content == null || !content.startsWith(DRAG_PREFIX)) {
            return null;
        }
        try {
            int i = Integer.parseInt(content.substring(DRAG_PREFIX.length()));
            return i >= 0 && i < all.size() ? all.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void filter() {
        String q = search.getText() == null ? "" : search.getText();
        shown.setAll(all.stream().filter(e -> e.matches(q)).toList());
    }

    private final class EntryCell extends ListCell<PaletteEntry> {
        EntryCell(Consumer<PaletteEntry> add) {
            setOnMouseClicked(e -> {
                if (getItem() != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    add.accept(getItem());
                }
            });
            setOnDragDetected(e -> {
                if (getItem() != null) {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(DRAG_PREFIX + all.indexOf(getItem()));
                    startDragAndDrop(TransferMode.COPY).setContent(content);
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(PaletteEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item.group() + " · " + item.title());
            String schemas = (item.inputSchema() == null ? "" : "\ninput: " + item.inputSchema())
                    + (item.outputSchema() == null ? "" : "\noutput: " + item.outputSchema());
            setTooltip(new Tooltip(item.description() + schemas));
        }
    }
}
