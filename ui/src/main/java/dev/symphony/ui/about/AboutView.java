package dev.symphony.ui.about;

import dev.symphony.editor.syntax.Licences;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.util.Locale;
import java.util.function.Function;

/**
 * Help › About: the grammars and themes Symphony ships, each with its licence and where it comes
 * from ({@link Licences}), filterable. One window per workbench, brought to the front when asked again.
 */
public final class AboutView extends VBox {
    public static final String ID = "about-view";
    public static final String TABLE_ID = "about-licences";
    private Stage stage;

    public AboutView() {
        setId(ID);
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label("Symphony — third-party grammars and themes");
        title.getStyleClass().add("title-4");
        Label source = new Label(Licences.packages());
        source.setWrapText(true);
        TableView<Licences.Entry> table = new TableView<>();
        table.setId(TABLE_ID);
        table.getColumns().add(column("Kind", Licences.Entry::kind, 80));
        table.getColumns().add(column("Name", Licences.Entry::displayName, 200));
        table.getColumns().add(column("Licence", Licences.Entry::licence, 120));
        table.getColumns().add(column("Source", Licences.Entry::source, 360));
        FilteredList<Licences.Entry> rows = new FilteredList<>(FXCollections.observableArrayList(Licences.all()));
        table.setItems(rows);
        TextField filter = new TextField();
        filter.setPromptText("Filter by name or licence");
        filter.textProperty().addListener((o, was, text) -> {
            String needle = text.toLowerCase(Locale.ROOT).strip();
            rows.setPredicate(e -> needle.isEmpty() || (e.displayName() + " " + e.name() + " " + e.licence())
                    .toLowerCase(Locale.ROOT).contains(needle));
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, source, filter, table,
                new Label(Licences.grammars().size() + " grammars, " + Licences.themes().size() + " themes"));
    }

    private static TableColumn<Licences.Entry, String> column(String name, Function<Licences.Entry, String> value, double width) {
        TableColumn<Licences.Entry, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Shows the window (created on first use) in front of {@code owner}. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("About Symphony");
            stage.setScene(new Scene(this, 820, 560));
            if (owner != null && owner.getScene() != null) {
                stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.show();
        stage.toFront();
    }
}
