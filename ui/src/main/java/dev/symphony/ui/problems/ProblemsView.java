package dev.symphony.ui.problems;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Problems view (Ctrl+Shift+M, or a click on the status bar's count): every problem of the
 * {@link ProblemsModel}, by file and position; a click or Enter opens the file there. The filter above it keeps the
 * problems whose file path or text has every word typed (case ignored; {@code error} keeps an extension's errors, whose
 * text starts with their severity) and drops those with a word typed after {@code !} ({@code !node_modules}). It shows
 * as a tab beside the editors, created when first asked for.
 */
public final class ProblemsView extends ListView<Problem> {
    public static final String ID = "problems-view";
    public static final String TAB_ID = "problems-tab";
    public static final String COMMAND_ID = "workbench.actions.view.problems";
    public static final String FILTER_ID = "problems-filter";
    private static final String NONE = "No problems have been detected in the workspace.";
    private final FilteredList<Problem> shown;
    private final TextField filter = new TextField();
    private Tab tab;

    public ProblemsView(ProblemsModel model, Consumer<Problem> open) {
        shown = new FilteredList<>(model.all());
        setItems(shown);
        setId(ID);
        filter.setId(FILTER_ID);
        filter.setPromptText("Filter (e.g. text, error, !node_modules)");
        filter.textProperty().addListener((o, was, now) -> {
            shown.setPredicate(matching(now));
            setPlaceholder(new Label(now.isBlank() ? NONE : "No problems match the filter."));
        });
        setPlaceholder(new Label(NONE));
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
            VBox content = new VBox(filter, this);
            VBox.setVgrow(this, Priority.ALWAYS);
            tab = new Tab("Problems", content);
            tab.setId(TAB_ID);
        }
        if (!tabs.getTabs().contains(tab)) {
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(tab);
        requestFocus();
    }

    /** Every word must be in the problem's path or text; a word after {@code !} must not; null for an empty filter. */
    static Predicate<Problem> matching(String filter) {
        String[] words = filter == null ? new String[0] : filter.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        return p -> {
            String text = (p.file() + " " + p.describe()).toLowerCase(Locale.ROOT);
            for (String w : words) {
                boolean not = w.startsWith("!");
                String word = not ? w.substring(1) : w;
                if (!word.isEmpty() && text.contains(word) == not) {
                    return false;
                }
            }
            return true;
        };
    }
}
