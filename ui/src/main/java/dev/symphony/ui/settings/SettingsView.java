package dev.symphony.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.symphony.kernel.settings.SettingDescriptor;
import dev.symphony.kernel.settings.SettingsProblem;
import dev.symphony.kernel.settings.SettingsScope;
import dev.symphony.ui.shell.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The settings page, generated from the settings schema: one editor per setting by its type
 * (check box, choice, number spinner, text), a scope switch, and a banner listing every problem
 * in the settings files with its file, line and column.
 */
public final class SettingsView extends ScrollPane {
    public static final String ID = "settings-view";
    public static final String PROBLEMS_ID = "settings-problems";
    public static final String SEARCH_ID = "settings-search";
    public static final String NONE_FOUND_ID = "settings-none-found";
    private final List<Runnable> filters = new ArrayList<>();
    private final Label noneFound = new Label("No settings found.");
    private final SettingsViewModel model;
    private final List<Runnable> refreshers = new ArrayList<>();
    private boolean updating;

    public SettingsView(SettingsViewModel model, Consumer<Path> openFile, java.util.function.Function<SettingsScope, Path> fileOf) {
        this.model = model;
        setId(ID);
        setFitToWidth(true);
        VBox page = new VBox(8);
        page.setPadding(new Insets(16));

        Label title = new Label("Settings");
        title.getStyleClass().add("title-2");
        ChoiceBox<SettingsScope> scope = new ChoiceBox<>();
        scope.setId("settings-scope");
        scope.getItems().addAll(SettingsScope.USER, SettingsScope.WORKSPACE);
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        Button openJson = new Button("Open settings.json");
        openJson.setOnAction(e -> {
            Path file = fileOf.apply(model.scopeProperty().get());
            if (file != null) {
                openFile.accept(file);
            }
        });
        HBox header = new HBox(12, title, new Label("Edit:"), scope, openJson);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox banner = new VBox();
        banner.setId(PROBLEMS_ID);
        banner.getStyleClass().add(Styles.PROBLEM_BANNER);
        Runnable showProblems = () -> {
            banner.getChildren().setAll(model.problems().stream().map(p -> (Node) new Label(p.describe())).toList());
            banner.setVisible(!model.problems().isEmpty());
            banner.setManaged(!model.problems().isEmpty());
        };
        model.problems().addListener((ListChangeListener<SettingsProblem>) c -> showProblems.run());
        showProblems.run();
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.lastErrorProperty());

        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId(SEARCH_ID);
        search.setPromptText("Search settings (words, or @modified)");
        search.textProperty().bindBidirectional(model.queryProperty());
        noneFound.setId(NONE_FOUND_ID);
        page.getChildren().addAll(header, search, banner, error, noneFound);
        int fixed = page.getChildren().size();
        addRows(page);
        model.addSchemaListener(() -> {
            page.getChildren().remove(fixed, page.getChildren().size());
            refreshers.clear();
            filters.clear();
            addRows(page);
            filter();
        });
        model.queryProperty().addListener((o, a, b) -> filter());
        filter();
        model.addValueListener(() -> {
            updating = true;
            try {
                refreshers.forEach(Runnable::run);
            } finally {
                updating = false;
            }
        });
        setContent(page);
        filter();
    }

    /** One heading per category, then its settings, in schema order. */
    private void addRows(VBox page) {
        model.byCategory().forEach((category, settings) -> {
            Label heading = new Label(category);
            heading.getStyleClass().add("title-4");
            page.getChildren().add(heading);
            List<Runnable> rowFilters = new ArrayList<>();
            boolean[] any = new boolean[1];
            for (SettingDescriptor s : settings) {
                VBox row = row(s);
                page.getChildren().add(row);
                rowFilters.add(() -> {
                    boolean shown = model.matches(s);
                    show(row, shown);
                    any[0] |= shown;
                });
            }
            filters.add(() -> {
                any[0] = false;
                rowFilters.forEach(Runnable::run);
                show(heading, any[0]);
            });
        });
    }

    /** Shows only the settings the search matches (and the headings of their categories). */
    private void filter() {
        filters.forEach(Runnable::run);
        boolean none = getContent() != null && ((VBox) getContent()).getChildren().stream()
                .noneMatch(n -> n.getStyleClass().contains(Styles.SETTING_ROW) && n.isManaged());
        show(noneFound, none);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private VBox row(SettingDescriptor setting) {
        Label title = new Label(setting.title());
        title.getStyleClass().add(Styles.SETTING_TITLE);
        Label key = new Label(setting.key());
        key.getStyleClass().add(Styles.SETTING_DESCRIPTION);
        Label description = new Label(setting.description());
        description.getStyleClass().add(Styles.SETTING_DESCRIPTION);
        description.setWrapText(true);
        Node editor = editorFor(setting);
        editor.setId("setting:" + setting.key());
        Label scope = new Label();
        Button reset = new Button("Reset");
        reset.setOnAction(e -> model.reset(setting.key()));
        refreshers.add(() -> {
            SettingsScope from = model.scopeOf(setting.key());
            scope.setText(from == SettingsScope.DEFAULT ? "" : "(set in " + from.name().toLowerCase() + " settings)");
            reset.setDisable(from != model.scopeProperty().get());
        });
        HBox line = new HBox(8, editor, scope, reset);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox row = new VBox(2, new HBox(8, title, key), description, line);
        row.getStyleClass().add(Styles.SETTING_ROW);
        refreshers.get(refreshers.size() - 1).run();
        return row;
    }

    private Node editorFor(SettingDescriptor setting) {
        String key = setting.key();
        if ("boolean".equals(setting.type())) {
            CheckBox box = new CheckBox();
            bind(() -> box.setSelected(model.value(key).asBoolean()));
            box.selectedProperty().addListener((o, a, b) -> write(key, BooleanNode.valueOf(b)));
            return box;
        }
        if (!setting.enumValues().isEmpty()) {
            ComboBox<String> choice = new ComboBox<>();
            choice.getItems().setAll(setting.enumValues());
            bind(() -> choice.setValue(model.value(key).asText()));
            choice.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    write(key, TextNode.valueOf(b));
                }
            });
            return choice;
        }
        if ("integer".equals(setting.type())) {
            int min = setting.minimum() == null ? Integer.MIN_VALUE : setting.minimum().intValue();
            int max = setting.maximum() == null ? Integer.MAX_VALUE : setting.maximum().intValue();
            Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                    model.value(key).asInt()));
            spinner.setEditable(true);
            bind(() -> spinner.getValueFactory().setValue(model.value(key).asInt()));
            spinner.valueProperty().addListener((o, a, b) -> write(key, IntNode.valueOf(b)));
            return spinner;
        }
        if ("object".equals(setting.type())) {
            return objectEditor(key);
        }
        TextField field = new TextField();
        field.setPrefColumnCount(30);
        boolean array = "array".equals(setting.type());
        bind(() -> field.setText(array ? String.join(", ", strings(model.value(key))) : model.value(key).asText()));
        Runnable commit = () -> write(key, array ? arrayOf(field.getText()) : TextNode.valueOf(field.getText()));
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
        return field;
    }

    /**
     * An object setting is edited as JSON text: it is written only once it parses to an object, so a
     * half-typed value never reaches settings.json; until then the field says what is wrong.
     */
    private Node objectEditor(String key) {
        TextField field = new TextField();
        field.setPrefColumnCount(30);
        bind(() -> field.setText(model.value(key).toString()));
        Runnable commit = () -> {
            try {
                JsonNode value = JSON.readTree(field.getText());
                if (value == null || !value.isObject()) {
                    throw new IllegalArgumentException("a JSON object is expected, like {\"*.ext\": \"language\"}");
                }
                field.pseudoClassStateChanged(DANGER, false);
                field.setTooltip(null);
                write(key, value);
            } catch (Exception e) {
                field.pseudoClassStateChanged(DANGER, true); // AtlantaFX's error look
                field.setTooltip(new javafx.scene.control.Tooltip("Not saved: " + e.getMessage()));
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
        return field;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final javafx.css.PseudoClass DANGER = javafx.css.PseudoClass.getPseudoClass("danger");

    private void bind(Runnable refresh) {
        refreshers.add(refresh);
        updating = true;
        try {
            refresh.run();
        } finally {
            updating = false;
        }
    }

    private void write(String key, JsonNode value) {
        if (!updating && !value.equals(model.value(key))) {
            model.set(key, value);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static ArrayNode arrayOf(String text) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(array::add);
        return array;
    }
}
