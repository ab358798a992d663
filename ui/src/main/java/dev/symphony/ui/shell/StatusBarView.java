package dev.symphony.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: folder, problems, the latest message, the open file, the editor's caret and language, theme. When
 * the bar is too narrow the folder, the message and the file's path give way (shortened with an ellipsis); the
 * problem count, the caret and language, the theme and extensions' items keep their whole text.
 */
public final class StatusBarView extends HBox {
    public static final String ID = "status-bar";
    public static final String PROBLEMS_ID = "status-problems";
    public static final String MESSAGE_ID = "status-message";
    public static final String THEME_ID = "status-theme";

    private final Region spacer;

    /** Adds an extension's item at the left (before the spacer) or the right end. */
    public void addItem(javafx.scene.Node item, boolean right) {
        if (item instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (right) {
            getChildren().add(item);
        } else {
            getChildren().add(getChildren().indexOf(spacer), item);
        }
    }

    /** {@code currentFile}: the active tab's path or title; {@code editorStatus}: its caret and language ("" for none). */
    public StatusBarView(MainWindowViewModel model, javafx.beans.value.ObservableValue<String> currentFile,
                         javafx.beans.value.ObservableValue<String> editorStatus) {
        setId(ID);
        getStyleClass().add(Styles.STATUS_BAR);
        Label folder = item(Bindings.createStringBinding(() -> model.workspaceProperty().get() == null
                ? "No folder open" : model.workspaceProperty().get().toString(), model.workspaceProperty()));
        Label problems = item(Bindings.createStringBinding(() -> {
            int count = model.problemCountProperty().get();
            return count == 0 ? "No problems" : count + (count == 1 ? " problem" : " problems");
        }, model.problemCountProperty()));
        problems.setId(PROBLEMS_ID);
        problems.setCursor(javafx.scene.Cursor.HAND);
        problems.setOnMouseClicked(e -> model.run(dev.symphony.ui.problems.ProblemsView.COMMAND_ID));
        problems.getStyleClass().add(Styles.STATUS_PROBLEMS);
        Label message = item(model.statusMessageProperty());
        message.setId(MESSAGE_ID);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label file = item(currentFile);
        Label editor = item(editorStatus);
        editor.visibleProperty().bind(Bindings.createBooleanBinding(() -> !editor.getText().isEmpty(), editor.textProperty()));
        editor.managedProperty().bind(editor.visibleProperty());
        Label theme = item(Bindings.concat("Theme: ", model.themeProperty()));
        theme.setId(THEME_ID);
        theme.setCursor(javafx.scene.Cursor.HAND);
        theme.setOnMouseClicked(e -> model.run(ThemePickerViewModel.COMMAND_ID));
        for (Label whole : new Label[] {problems, editor, theme}) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(folder, problems, message, spacer, file, editor, theme);
        this.spacer = spacer;
        visibleProperty().bind(model.statusBarVisibleProperty());
        managedProperty().bind(model.statusBarVisibleProperty());
    }

    private static Label item(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add(Styles.STATUS_ITEM);
        label.textProperty().bind(text);
        return label;
    }
}
