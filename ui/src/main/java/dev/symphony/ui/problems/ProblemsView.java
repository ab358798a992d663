package dev.symphony.ui.problems;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * The Problems view (Ctrl+Shift+M, or a click on the status bar's count): every problem of the
 * {@link ProblemsModel}, by file and position; a click or Enter opens the file there. It shows as a tab
 * beside the editors, created when first asked for.
 */
public final class ProblemsView extends ListView<Problem> {
    public static final String ID = "problems-view";
    public static final String TAB_ID = "problems-tab";
    public static final String COMMAND_ID = "workbench.actions.view.problems";
    private Tab tab;

    public ProblemsView(ProblemsModel model, Consumer<Problem> open) {
        super(model.all());
        setId(ID);
        setPlaceholder(new Label("No problems have been detected in the workspace."));
        setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.describe());
                setTooltip(empty || p == null ? null : new Tooltip(p.file().toString()));
            }
        });
        setOnMouseClicked(e -> {
            if (getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
            }
        });
    }

    /** Shows the view as a tab of {@code tabs} (added when missing) and selects it. */
    public void showIn(TabPane tabs) {
        if (tab == null) {
            tab = new Tab("Problems", this);
            tab.setId(TAB_ID);
        }
        if (!tabs.getTabs().contains(tab)) {
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(tab);
        requestFocus();
    }
}
