package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.MelodyDocument;
import dev.symphony.conductor.melody.MelodySchema;
import dev.symphony.conductor.melody.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The inspector: the selected node's fields as a form. Every field the node has (and {@code title}), and for a call
 * the properties of its capability's input schema (required ones marked {@code *}, enums listed, defaults as the
 * prompt). Enter or leaving a field applies it as one undoable edit, refused with the reason shown under the form
 * when the value is not JSON where JSON is needed, breaks the input schema, or gives the Melody a problem the
 * conductor's validator did not find before.
 */
public final class NodeInspector extends ScrollPane {
    public static final String ID = "board-inspector";
    public static final String ERROR_ID = "board-inspector-error";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BoardViewModel vm;
    private final VBox content = new VBox(6);
    private final Label error = new Label();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private String shownNode;

    public NodeInspector(BoardViewModel vm) {
        this.vm = vm;
        setId(ID);
        setPrefWidth(280);
        setFitToWidth(true);
        setContent(content);
        content.setStyle("-fx-padding: 8;");
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c62828;");
        vm.selection().addListener((SetChangeListener<String>) c -> rebuild());
        vm.revisionProperty().addListener(o -> rebuild());
        rebuild();
    }

    /** The field for {@code pointer} in the node ({@code /title}, {@code /input/text}), if shown. */
    public Optional<TextField> field(String pointer) {
        return Optional.ofNullable(fields.get(pointer));
    }

    public Label error() {
        return error;
    }

    private void rebuild() {
        String id = vm.selection().size() == 1 ? vm.selection().iterator().next() : null;
        if (id != null && !id.equals(shownNode)) {
            error.setText("");
        }
        shownNode = id;
        fields.clear();
        content.getChildren().clear();
        JsonNode node = id == null ? null : nodeJson(id);
        if (node == null) {
            content.getChildren().add(new Label(vm.selection().isEmpty() ? "Select a node to inspect it"
                    : vm.selection().size() + " nodes selected"));
            return;
        }
        content.getChildren().add(new Label(id + " · " + node.path("type").asText()));
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        int row = 0;
        Set<String> names = new java.util.LinkedHashSet<>();
        names.add("title");
        node.fieldNames().forEachRemaining(names::add);
        names.remove("id");
        names.remove("type");
        CapabilitySpec spec = capability(node);
        JsonNode inputSchema = spec == null ? null : spec.inputSchema();
        if (inputSchema != null) {
            names.remove("input");
        }
        for (String name : names) {
            grid.addRow(row++, new Label(name), field(id, "/" + name, node.get(name), null, false));
        }
        if (inputSchema != null) {
            Set<String> required = new HashSet<>();
            inputSchema.path("required").forEach(r -> required.add(r.asText()));
            Set<String> props = new java.util.LinkedHashSet<>();
            inputSchema.path("properties").fieldNames().forEachRemaining(props::add);
            node.path("input").fieldNames().forEachRemaining(props::add);
            for (String p : props) {
                JsonNode schema = inputSchema.path("properties").path(p);
                grid.addRow(row++, new Label("input." + p + (required.contains(p) ? " *" : "")),
                        field(id, "/input/" + p, node.path("input").get(p), schema.isMissingNode() ? null : schema, required.contains(p)));
            }
        }
        content.getChildren().addAll(grid, error);
    }

    private TextField field(String id, String pointer, JsonNode value, JsonNode schema, boolean required) {
        TextField f = new TextField(value == null ? "" : value.isTextual() ? value.asText() : value.toString());
        f.setId("inspector:" + pointer);
        List<String> hints = new ArrayList<>();
        if (schema != null && schema.has("enum")) {
            hints.add("one of " + schema.get("enum"));
        }
        if (schema != null && schema.has("default")) {
            f.setPromptText(schema.get("default").toString());
        }
        if (schema != null && schema.has("description")) {
            hints.add(schema.get("description").asText());
        }
        if (!hints.isEmpty()) {
            f.setTooltip(new javafx.scene.control.Tooltip(String.join("\n", hints)));
        }
        boolean textual = value == null ? schema == null || "string".equals(schema.path("type").asText()) || pointer.equals("/title")
                : value.isTextual();
        f.setOnAction(e -> commit(id, pointer, f.getText(), textual, schema, required));
        f.focusedProperty().addListener((o, was, is) -> {
            if (!is && id.equals(shownNode) && fields.get(pointer) == f) {
                commit(id, pointer, f.getText(), textual, schema, required);
            }
        });
        fields.put(pointer, f);
        return f;
    }

    private void commit(String id, String pointer, String text, boolean textual, JsonNode schema, boolean required) {
        JsonNode old = nodeJson(id) == null ? null : nodeJson(id).at(pointer);
        JsonNode value;
        if (text.isEmpty() && !required) {
            value = null;
        } else if (textual) {
            value = TextNode.valueOf(text);
        } else {
            try {
                value = JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                error.setText(id + pointer.replace('/', '.') + ": not JSON (" + e.getOriginalMessage() + "); the node keeps its value");
                return;
            }
        }
        if (value == null ? old == null || old.isMissingNode() : value.equals(old)) {
            return;
        }
        if (schema != null && value != null) {
            List<Problem> p = MelodySchema.problems(schema, value, "input." + pointer.substring(7));
            if (!p.isEmpty()) {
                error.setText(id + ": " + p.get(0) + "; the node keeps its value");
                return;
            }
        }
        List<Problem> before = vm.document().melody().problems(vm.document().catalog());
        Set<String> known = new HashSet<>();
        before.forEach(p -> known.add(p.toString()));
        String[] refusal = {null};
        boolean applied = vm.edit("Set " + id + pointer.replace('/', '.'), d -> {
            MelodyDocument next = d.setField(id, pointer, value);
            for (Problem p : next.problems(vm.document().catalog())) {
                if (!known.contains(p.toString())) {
                    refusal[0] = p.toString();
                    throw new IllegalArgumentException(p.toString());
                }
            }
            return next;
        });
        error.setText(applied ? "" : (refusal[0] != null ? refusal[0] : vm.messageProperty().get()) + "; the node keeps its value");
    }

    private JsonNode nodeJson(String id) {
        for (JsonNode n : vm.document().tree().path("nodes")) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        return null;
    }

    private CapabilitySpec capability(JsonNode node) {
        if (!"call".equals(node.path("type").asText()) || !node.has("extension")) {
            return null;
        }
        return vm.document().catalog().find(node.path("extension").asText(), node.path("capability").asText()).orElse(null);
    }
}
