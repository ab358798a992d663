package dev.symphony.ui.extensions;

import dev.symphony.kernel.extensions.ArchiveInstaller;
import dev.symphony.kernel.extensions.PermissionSummary;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Extensions view (side bar): the installed extensions, the details of the selected one with its actions, and
 * the permission review of an archive being installed (in the view, over the list, until approved or denied).
 */
public final class ExtensionsView extends StackPane {
    public static final String ID = "extensions-view";
    public static final String LIST_ID = "extensions-list";
    public static final String INSTALL_ID = "extensions-install";
    public static final String REVIEW_ID = "extensions-review";
    public static final String CHANGES_ID = "extensions-review-changes";
    public static final String APPROVE_ID = "extensions-approve";
    public static final String SIGNATURE_ID = "extensions-signature";
    public static final String DENY_ID = "extensions-deny";
    public static final String TRUST_ID = "extensions-trust";
    public static final String DETAILS_ID = "extensions-details";
    public static final String MESSAGE_ID = "extensions-message";
    private final ExtensionsViewModel model;
    private final ListView<ExtensionRow> list = new ListView<>();
    private final TextArea details = new TextArea();
    private final VBox review = new VBox(6);

    /** {@code chooseArchive}: asks the user for an archive (a file chooser), null when cancelled. */
    public ExtensionsView(ExtensionsViewModel model, Supplier<Path> chooseArchive) {
        this.model = model;
        setId(ID);
        Label heading = new Label("EXTENSIONS");
        heading.getStyleClass().add("text-caption");
        Button install = new Button("Install from File…");
        install.setId(INSTALL_ID);
        install.setOnAction(e -> {
            Path archive = chooseArchive.get();
            if (archive != null) {
                model.review(archive);
            }
        });
        list.setId(LIST_ID);
        list.setItems(model.rows());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ExtensionRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.summary());
            }
        });
        details.setId(DETAILS_ID);
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(10);
        String[] selectedId = {null};
        list.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) {
                selectedId[0] = row.id();
                details.setText(row.details());
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<ExtensionRow>) c -> {
            // a refresh replaces the rows: the same extension stays selected, its details current
            for (ExtensionRow row : model.rows()) {
                if (row.id().equals(selectedId[0])) {
                    list.getSelectionModel().select(row);
                    details.setText(row.details());
                }
            }
        });
        FlowPane actions = new FlowPane(4, 4,
                action("Enable", model::enable), action("Disable", model::disable), action("Reload", model::reload),
                action("Remove", model::remove), action("Roll Back", model::rollBack), action("Logs", id -> model.logs(id, details::setText)),
                action("Audit", id -> model.audit(id, details::setText)));
        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        VBox main = new VBox(6, heading, new MarketplacePane(model.marketplace()), install, list, actions, details, message);
        main.setPadding(new Insets(6, 8, 6, 8));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox.setVgrow(details, Priority.SOMETIMES);
        list.setPrefHeight(160);
        review.setId(REVIEW_ID);
        review.setPadding(new Insets(10));
        review.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;");
        review.setVisible(false);
        model.pending().addListener((o, was, prepared) -> showReview(prepared));
        getChildren().addAll(main, review);
        model.refresh();
    }

    private Button action(String text, java.util.function.Consumer<String> onId) {
        Button b = new Button(text);
        b.setId("extensions-" + text.toLowerCase(java.util.Locale.ROOT));
        b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        b.setOnAction(e -> onId.accept(list.getSelectionModel().getSelectedItem().id()));
        return b;
    }

    /** The permission review: each permission in plain words, the sandbox mode, approve or deny. */
    private void showReview(ArchiveInstaller.Prepared prepared) {
        review.setVisible(prepared != null);
        if (prepared == null) {
            review.getChildren().clear();
            return;
        }
        Label title = new Label("Review permissions");
        title.getStyleClass().add("title-4");
        Label heading = new Label(PermissionSummary.heading(prepared.manifest()));
        heading.setWrapText(true);
        Label signer = new Label(model.signature().get());
        signer.setId(SIGNATURE_ID);
        signer.setWrapText(true);
        review.getChildren().setAll(title, signer);
        if (!model.changes().get().isEmpty()) {
            Label change = new Label(model.changes().get());
            change.setId(CHANGES_ID);
            change.setWrapText(true);
            change.getStyleClass().add("warning");
            review.getChildren().add(change);
        }
        review.getChildren().add(heading);
        for (PermissionSummary.Line line : PermissionSummary.lines(prepared.manifest())) {
            Label l = new Label(line.label() + ": " + line.meaning());
            l.setWrapText(true);
            review.getChildren().add(l);
        }
        CheckBox trust = new CheckBox("Trust it to run without an OS sandbox (with your full rights)");
        trust.setId(TRUST_ID);
        trust.setWrapText(true);
        if (!PermissionSummary.sandboxed()) {
            review.getChildren().add(trust);
        }
        String changes = model.changes().get();
        Button approve = new Button(changes.isEmpty() ? "Approve and Install"
                : changes.startsWith("Roll back") ? "Approve and Roll Back" : "Approve and Update");
        approve.setId(APPROVE_ID);
        approve.setDefaultButton(true);
        approve.setOnAction(e -> model.approve(trust.isSelected()));
        Button deny = new Button("Deny");
        deny.setId(DENY_ID);
        deny.setCancelButton(true);
        deny.setOnAction(e -> model.deny());
        review.getChildren().add(new FlowPane(6, 6, approve, deny));
    }
}
