package dev.symphony.ui.files;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Explorer side bar: a header with the folder's name and New File / New Folder / Refresh
 * buttons (acting on the selected folder), over the file tree. Rename is F2, delete is Delete,
 * and the tree's context menu offers all of them.
 */
public final class ExplorerView extends VBox {
    public static final String NEW_FILE_ID = "explorer-new-file";
    public static final String NEW_FOLDER_ID = "explorer-new-folder";
    public static final String REFRESH_ID = "explorer-refresh";

    public ExplorerView(FileTreeView tree, FileTreeViewModel model) {
        Label title = new Label("EXPLORER");
        title.getStyleClass().add("text-caption");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button newFile = button(NEW_FILE_ID, "+", "New File…");
        newFile.setOnAction(e -> tree.newFileHere());
        Button newFolder = button(NEW_FOLDER_ID, "+▭", "New Folder…");
        newFolder.setOnAction(e -> tree.newFolderHere());
        Button refresh = button(REFRESH_ID, "⟳", "Refresh");
        refresh.setOnAction(e -> {
            Path root = model.rootProperty().get();
            if (root != null) {
                tree.refresh(tree.targetFolder());
                tree.refresh(root);
            }
        });
        HBox header = new HBox(4, title, spacer, newFile, newFolder, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 6, 4, 8));
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(header, tree);
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().addAll("flat", "small");
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        return button;
    }
}
