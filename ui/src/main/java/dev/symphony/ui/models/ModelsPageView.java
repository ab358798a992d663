package dev.symphony.ui.models;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Models page: providers with their key (a password field and "Store key"; only "key stored" is ever shown
 * back), the model per role, "Test connection" with its progress and a Cancel button, and "Look for local servers".
 */
public final class ModelsPageView extends ScrollPane {
    public static final String ID = "models-page";
    public static final String MESSAGE_ID = "models-message";
    public static final String TEST_MODEL_ID = "models-test-model";
    public static final String TEST_ID = "models-test";
    public static final String CANCEL_ID = "models-test-cancel";
    public static final String PROGRESS_ID = "models-test-progress";
    public static final String RESULT_ID = "models-test-result";
    public static final String PROBE_ID = "models-probe";

    private final ModelsPageViewModel model;
    private final VBox providerRows = new VBox(6);
    private final VBox serverRows = new VBox(6);
    private final GridPane roles = new GridPane();

    public ModelsPageView(ModelsPageViewModel model) {
        this.model = model;
        setId(ID);
        setFitToWidth(true);
        VBox content = new VBox(12);
        content.setPadding(new Insets(12));
        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.textProperty().bind(model.message());

        roles.setHgap(8);
        roles.setVgap(6);
        model.providers().addListener((ListChangeListener<ModelsBackend.Provider>) c -> providerRowsChanged());
        model.keyStored().addListener((MapChangeListener<String, Boolean>) c -> providerRowsChanged());
        model.models().addListener((ListChangeListener<ModelsBackend.ModelChoice>) c -> rolesChanged());
        model.localServers().addListener((ListChangeListener<ModelsBackend.LocalServer>) c -> serversChanged());
        rolesChanged();

        Button probe = new Button("Look for local servers");
        probe.setId(PROBE_ID);
        probe.setOnAction(e -> model.probe());

        content.getChildren().addAll(heading("Models"), message,
                heading("Providers"), providerRows,
                heading("Model per role"), roles,
                heading("Test connection"), testRow(),
                heading("On this machine"), probe, serverRows);
        setContent(content);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
        return l;
    }

    private VBox testRow() {
        ComboBox<ModelsBackend.ModelChoice> choice = new ComboBox<>(model.models());
        choice.setId(TEST_MODEL_ID);
        choice.setPromptText("a model");
        choice.setPrefWidth(420);
        Button test = new Button("Test connection");
        test.setId(TEST_ID);
        test.disableProperty().bind(model.testing().or(choice.valueProperty().isNull()));
        test.setOnAction(e -> model.test(choice.getValue().qualifiedId()));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId(PROGRESS_ID);
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.testing());
        progress.managedProperty().bind(model.testing());
        Button cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.visibleProperty().bind(model.testing());
        cancel.managedProperty().bind(model.testing());
        cancel.setOnAction(e -> model.cancelTest());
        Label status = new Label();
        status.setId(RESULT_ID);
        status.setWrapText(true);
        status.textProperty().bind(Bindings.when(model.testing()).then(model.testProgress()).otherwise(model.testResult()));
        test.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        progress.setMinSize(18, 18);
        HBox row = new HBox(8, choice, test, progress, cancel);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, row, status);
    }

    private void providerRowsChanged() {
        providerRows.getChildren().clear();
        for (ModelsBackend.Provider p : model.providers()) {
            Label name = new Label(p.displayName() + "  (" + p.id() + ")");
            name.setMinWidth(360);
            HBox row = new HBox(8, name);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (p.secretName() == null) {
                row.getChildren().add(new Label("no key needed"));
            } else {
                boolean stored = Boolean.TRUE.equals(model.keyStored().get(p.secretName()));
                Label state = new Label(stored ? p.secretName() + ": key stored" : p.secretName() + ": no key");
                state.setId("models-key-state-" + p.secretName());
                PasswordField key = new PasswordField();
                key.setId("models-key-" + p.secretName());
                key.setPromptText(stored ? "replace the key" : "paste the API key");
                Button store = new Button("Store key");
                store.setId("models-store-key-" + p.secretName());
                store.setOnAction(e -> {
                    model.storeKey(p.secretName(), key.getText());
                    key.clear(); // the page keeps no copy
                });
                row.getChildren().addAll(state, key, store);
            }
            providerRows.getChildren().add(row);
        }
    }

    private void rolesChanged() {
        roles.getChildren().clear();
        int r = 0;
        for (String role : ModelsPageViewModel.ROLES) {
            ComboBox<String> choice = new ComboBox<>();
            choice.setId("models-role-" + role);
            choice.getItems().add("(the demo model)");
            model.models().forEach(m -> choice.getItems().add(m.toString()));
            String current = model.roleModel(role);
            choice.setValue(current == null ? "(the demo model)" : model.models().stream()
                    .filter(m -> m.qualifiedId().equals(current)).map(Object::toString).findFirst().orElse(current));
            choice.valueProperty().addListener((o, was, now) -> {
                if (now != null && !now.equals(was)) {
                    model.assign(role, now.startsWith("(") ? null : now.split(" — ")[0]);
                }
            });
            roles.addRow(r++, new Label("models." + role), choice);
        }
    }

    private void serversChanged() {
        serverRows.getChildren().clear();
        for (ModelsBackend.LocalServer s : model.localServers()) {
            Button use = new Button("Use for chat");
            use.setOnAction(e -> model.use(s));
            HBox row = new HBox(8, new Label(s.description()), use);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            serverRows.getChildren().add(row);
        }
    }
}
