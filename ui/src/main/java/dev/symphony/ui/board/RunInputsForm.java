package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The form a run of a Melody with inputs starts from: one typed field per input node ({@link RunInputs}), each
 * checked as it is typed, with what is wrong under it in words; Run starts only when every field holds a value its
 * schema accepts. What was typed stays for the next run of the tab.
 */
public final class RunInputsForm extends VBox {
    public static final String ID = "board-run-inputs";
    public static final String START_ID = "board-run-inputs-start";
    public static final String CANCEL_ID = "board-run-inputs-cancel";

    private final List<RunInputs.Field> fields;
    private final List<Control> controls = new ArrayList<>();
    private final List<Label> errors = new ArrayList<>();
    private final Button start = new Button("▶ Run with these inputs");

    /** {@code remembered}: what was typed last time, by input id (null: the defaults). */
    public RunInputsForm(List<RunInputs.Field> fields, Map<String, String> remembered, Consumer<ObjectNode> onRun,
                         Runnable onCancel) {
        this.fields = fields;
        setId(ID);
        setSpacing(6);
        setStyle("-fx-padding: 8;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        int row = 0;
        for (RunInputs.Field f : fields) {
            Label name = new Label(f.title() + (f.required() ? " *" : ""));
            if (f.schema() != null) {
                name.setTooltip(new Tooltip(f.schema().toPrettyString()));
            }
            String text = remembered != null && remembered.containsKey(f.id()) ? remembered.get(f.id()) : f.initialText();
            Control c = control(f, text);
            c.setId(ID + "-" + f.id());
            Label error = new Label();
            error.setId(ID + "-" + f.id() + "-error");
            error.setWrapText(true);
            error.setStyle("-fx-text-fill: #c62828;");
            grid.add(name, 0, row);
            grid.add(c, 1, row++);
            grid.add(error, 1, row++);
            controls.add(c);
            errors.add(error);
        }
        start.setId(START_ID);
        start.setDefaultButton(true);
        Button cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.setOnAction(e -> onCancel.run());
        start.setOnAction(e -> {
            if (check()) {
                onRun.accept(RunInputs.inputs(fields, texts()));
            }
        });
        getChildren().addAll(new Label("Inputs of this run"), grid, new HBox(8, start, cancel));
        check();
    }

    /** What is typed now, by input id. */
    public Map<String, String> typed() {
        Map<String, String> out = new HashMap<>();
        List<String> t = texts();
        for (int i = 0; i < fields.size(); i++) {
            out.put(fields.get(i).id(), t.get(i));
        }
        return out;
    }

    public Button startButton() {
        return start;
    }

    /** Shows each field's problem under it; true when every field holds a valid value. */
    private boolean check() {
        boolean ok = true;
        List<String> t = texts();
        for (int i = 0; i < fields.size(); i++) {
            try {
                RunInputs.value(fields.get(i), t.get(i));
                errors.get(i).setText("");
                errors.get(i).setManaged(false);
            } catch (IllegalArgumentException e) {
                errors.get(i).setText(e.getMessage());
                errors.get(i).setManaged(true);
                ok = false;
            }
            errors.get(i).setVisible(errors.get(i).isManaged());
        }
        start.setDisable(!ok);
        return ok;
    }

    private List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Control c : controls) {
            out.add(c instanceof TextField t ? t.getText() : ((ComboBox<?>) c).getValue() == null ? ""
                    : String.valueOf(((ComboBox<?>) c).getValue()));
        }
        return out;
    }

    private Control control(RunInputs.Field f, String text) {
        List<String> options = switch (f.kind()) {
            case CHOICE -> f.choices();
            case BOOLEAN -> List.of("true", "false");
            default -> null;
        };
        if (options != null) {
            ComboBox<String> box = new ComboBox<>();
            if (!f.required()) {
                box.getItems().add("");
            }
            box.getItems().addAll(options);
            box.setValue(text);
            box.valueProperty().addListener(o -> check());
            return box;
        }
        TextField field = new TextField(text);
        field.setPrefColumnCount(24);
        JsonNode d = f.defaultValue();
        field.setPromptText(d == null ? f.kind().name().toLowerCase(java.util.Locale.ROOT) : "default: " + d);
        field.textProperty().addListener(o -> check());
        return field;
    }
}
