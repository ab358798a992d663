package dev.symphony.ui.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;

/**
 * The file tree: a TreeView whose folders load their children when first expanded and refresh
 * when the disk changes, with a context menu for new/rename/delete and drag-and-drop moves.
 */
public final class FileTreeView extends TreeView<Path> {
    public static final String ID = "file-tree";
    private static final DataFormat PATH_FORMAT = new DataFormat("application/x-symphony-path");

    private final FileTreeViewModel model;
    private final Consumer<Path> openFile;
    private final Map<Path, FolderItem> loadedFolders = new HashMap<>();
    private Consumer<Path> openPreview = p -> { };
    private java.util.function.Function<Path, java.util.List<MenuItem>> moreMenuItems = p -> java.util.List.of();
    private FileDecorations decorations;

    /** The height of a row, in pixels. */
    public static final double ROW_HEIGHT = 22;

    public FileTreeView(FileTreeViewModel model, Consumer<Path> openFile) {
        this.model = model;
        this.openFile = openFile;
        setId(ID);
        setShowRoot(true);
        setCellFactory(tree -> new FileCell());
        setFixedCellSize(ROW_HEIGHT); // dense rows, like VS Code's 22 px (and a cheaper virtual flow)
        model.rootProperty().addListener((obs, old, root) -> showRoot(root));
        model.addFolderChangeListener(this::refresh);
        setOnKeyPressed(e -> {
            TreeItem<Path> selected = getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER && !Files.isDirectory(selected.getValue())) {
                openFile.accept(selected.getValue());
            } else if (e.getCode() == KeyCode.DELETE) {
                model.delete(selected.getValue(), () -> refresh(selected.getValue().getParent()));
            } else if (e.getCode() == KeyCode.F2) {
                model.rename(selected.getValue(), p -> refresh(p.getParent()));
            }
        });
        showRoot(model.rootProperty().get());
        setDecorations(model.decorations());
    }

    /** What a single click on a file does (a preview tab); a double click or Enter opens it to keep. */
    public void setOnPreview(Consumer<Path> openPreview) {
        this.openPreview = openPreview;
    }

    private void showRoot(Path root) {
        loadedFolders.values().forEach(item -> model.forget(item.getValue()));
        loadedFolders.clear();
        if (root == null) {
            setRoot(null);
            return;
        }
        FolderItem item = new FolderItem(root);
        setRoot(item);
        item.setExpanded(true);
    }

    /** Badges and colours others put on entries (an extension's Git status); the tree redraws when they change. */
    private void setDecorations(FileDecorations decorations) {
        this.decorations = decorations;
        decorations.onChange(this::refresh);
        refresh();
    }

    /** Items other features add to each entry's context menu (e.g. Select for Compare), after its own. */
    public void setMoreMenuItems(java.util.function.Function<Path, java.util.List<MenuItem>> items) {
        moreMenuItems = items;
    }

    /** The folder new files go into: the selected folder, the selected file's folder, or the root. */
    public Path targetFolder() {
        TreeItem<Path> selected = getSelectionModel().getSelectedItem();
        if (selected == null || selected.getValue() == null) {
            return model.rootProperty().get();
        }
        Path path = selected.getValue();
        return Files.isDirectory(path) ? path : path.getParent();
    }

    /** New file in {@link #targetFolder()}: created, shown and opened. */
    public void newFileHere() {
        Path folder = targetFolder();
        if (folder != null) {
            model.newFile(folder, created -> {
                refresh(folder);
                openFile.accept(created);
            });
        }
    }

    public void newFolderHere() {
        Path folder = targetFolder();
        if (folder != null) {
            model.newFolder(folder);
        }
    }

    /** Re-lists a folder that is shown, keeping the expansion of the folders in it. */
    public void refresh(Path folder) {
        FolderItem item = loadedFolders.get(folder);
        if (item != null) {
            item.load();
        }
    }

    /**
     * Reveal in the file tree: expands the folders down to {@code file} (each loads off the JavaFX thread
     * as usual), then selects it and scrolls it into view. False when it is not under the open folder.
     */
    public boolean reveal(Path file) {
        TreeItem<Path> root = getRoot();
        Path target = file.toAbsolutePath().normalize();
        if (root == null || !target.startsWith(root.getValue()) || target.equals(root.getValue())) {
            return false;
        }
        revealFrom(root, target);
        return true;
    }

    /** One step down: {@code folder} is shown; expand it, and once its entries are listed go on. */
    private void revealFrom(TreeItem<Path> folder, Path target) {
        Path next = folder.getValue().resolve(target.getName(folder.getValue().getNameCount()));
        Runnable step = () -> folder.getChildren().stream().filter(c -> next.equals(c.getValue())).findFirst()
                .ifPresent(child -> {
                    if (next.equals(target)) {
                        getSelectionModel().select(child);
                        scrollTo(Math.max(0, getRow(child) - 3));
                        requestFocus();
                    } else {
                        revealFrom(child, target);
                    }
                });
        if (loadedFolders.containsKey(folder.getValue()) && !(folder instanceof FolderItem f && f.loading)) {
            folder.setExpanded(true);
            step.run();
            return;
        }
        javafx.collections.ListChangeListener<TreeItem<Path>> listed = new javafx.collections.ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends TreeItem<Path>> change) {
                folder.getChildren().removeListener(this);
                step.run();
            }
        };
        folder.getChildren().addListener(listed);
        folder.setExpanded(true);
    }

    /** The tree item showing {@code path}, if its folder has been loaded. */
    public TreeItem<Path> itemFor(Path path) {
        FolderItem folder = loadedFolders.get(path.getParent());
        if (folder == null) {
            return loadedFolders.get(path);
        }
        return folder.getChildren().stream().filter(c -> path.equals(c.getValue())).findFirst().orElse(null);
    }

    private final class FolderItem extends TreeItem<Path> {
        private boolean loading;

        FolderItem(Path folder) {
            super(folder);
            getChildren().add(new TreeItem<>()); // placeholder so the folder can be expanded
            expandedProperty().addListener((obs, was, expanded) -> {
                if (expanded && !loadedFolders.containsKey(folder)) {
                    load();
                } else if (!expanded && loadedFolders.remove(folder) != null) {
                    model.forget(folder);
                    getChildren().setAll(new TreeItem<>());
                }
            });
        }

        void load() {
            if (loading) {
                return;
            }
            loading = true;
            loadedFolders.put(getValue(), this);
            model.list(getValue(), this::show);
        }

        private void show(List<Path> entries) {
            loading = false;
            if (!loadedFolders.containsKey(getValue())) {
                return; // collapsed meanwhile
            }
            Map<Path, TreeItem<Path>> existing = new LinkedHashMap<>();
            getChildren().forEach(c -> existing.put(c.getValue(), c));
            getChildren().setAll(entries.stream().map(p -> existing.containsKey(p) ? existing.get(p)
                    : Files.isDirectory(p) ? new FolderItem(p) : new TreeItem<>(p)).toList());
        }
    }

    private final class FileCell extends TreeCell<Path> {
        FileCell() {
            setPrefWidth(0); // rows as wide as the tree, not their text: a long name ends in "…" instead of scrolling
            setOnMouseClicked(e -> { // one click: a preview tab; the second click of a double click keeps it
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() <= 2 && getItem() != null
                        && !Files.isDirectory(getItem())) {
                    (e.getClickCount() == 1 ? openPreview : openFile).accept(getItem());
                }
            });
            setOnDragDetected(e -> {
                if (getItem() != null && getTreeItem() != getTreeView().getRoot()) {
                    ClipboardContent content = new ClipboardContent();
                    content.put(PATH_FORMAT, getItem().toString());
                    startDragAndDrop(TransferMode.MOVE).setContent(content);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (getItem() != null && Files.isDirectory(getItem()) && e.getDragboard().hasContent(PATH_FORMAT)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                Object source = e.getDragboard().getContent(PATH_FORMAT);
                if (source != null && getItem() != null) {
                    Path from = Path.of(source.toString());
                    Path into = getItem();
                    model.move(from, into, moved -> {
                        refresh(from.getParent());
                        refresh(into);
                    });
                }
                e.setDropCompleted(source != null);
                e.consume();
            });
        }

        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(empty ? null : "Loading…");
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            String name = item.getFileName() == null ? item.toString() : item.getFileName().toString();
            setText(name);
            setContextMenu(menuFor(item));
            decorate(getTreeItem() instanceof FolderItem ? null : FileIcons.node(name),
                    decorations == null ? null : decorations.of(item));
        }

        /** The file type's badge, then a decoration's letter (a source-control state), both before the name. */
        private void decorate(javafx.scene.Node icon, FileDecorations.Decoration d) {
            javafx.scene.layout.HBox graphic = new javafx.scene.layout.HBox(4);
            graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (icon != null) {
                graphic.getChildren().add(icon);
            }
            if (d != null && d.badge() != null) {
                javafx.scene.control.Label badge = new javafx.scene.control.Label(d.badge());
                badge.setStyle("-fx-text-fill: " + d.color() + "; -fx-font-weight: bold;");
                badge.getStyleClass().add("file-decoration");
                graphic.getChildren().add(badge);
            }
            setGraphic(graphic.getChildren().isEmpty() ? null : graphic);
            setStyle(d == null ? null : "-fx-text-fill: " + d.color() + ";");
            setTooltip(d == null || d.tooltip() == null ? null : new javafx.scene.control.Tooltip(d.tooltip()));
        }

        private ContextMenu menuFor(Path item) {
            MenuItem newFile = new MenuItem("New File…");
            newFile.setOnAction(e -> newFileHere());
            MenuItem newFolder = new MenuItem("New Folder…");
            newFolder.setOnAction(e -> newFolderHere());
            MenuItem rename = new MenuItem("Rename…");
            rename.setOnAction(e -> model.rename(item, renamed -> refresh(renamed.getParent())));
            MenuItem delete = new MenuItem("Delete");
            delete.setOnAction(e -> model.delete(item, () -> refresh(item.getParent())));
            boolean isRoot = getTreeItem() == getTreeView().getRoot();
            rename.setDisable(isRoot);
            delete.setDisable(isRoot);
            ContextMenu menu = new ContextMenu(newFile, newFolder, new SeparatorMenuItem(), rename, delete);
            java.util.List<MenuItem> more = moreMenuItems.apply(item);
            if (!more.isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
                menu.getItems().addAll(more);
            }
            return menu;
        }
    }
}
