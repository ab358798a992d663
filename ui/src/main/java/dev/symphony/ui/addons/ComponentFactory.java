package dev.symphony.ui.addons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Builds the JavaFX control of one VirtualNode ({@link #create}) and applies a changed node's props to the control
 * already on screen ({@link #configure}); children are the renderer's business. JavaFX thread only. User actions go
 * to {@link Events} with the node's id: the renderer looks up the handler the current tree declares.
 */
final class ComponentFactory {
    static final String NODE_CLASS = "vnode";
    /** The style classes a text node's {@code style} prop adds (one at most). */
    static final List<String> TEXT_STYLES = List.of("title-4", "text-muted", "text-caption");
    static final String ERROR_CLASS = "vnode-error";

    /** A user action on node {@code id}: {@code event} is click, change or select. */
    interface Events {
        void fire(String id, String event, JsonNode value);
    }

    private final Events events;
    private final Collections collections;

    ComponentFactory(java.util.function.Function<VNode, Node> rows, Events events) {
        this.events = events;
        this.collections = new Collections(rows, this::configure, events);
    }

    Collections collections() {
        return collections;
    }

    Node create(VNode n) {
        Node fx = switch (n.component()) {
            case "column" -> new VBox();
            case "row" -> new HBox();
            case "split" -> new SplitPane();
            case "tabs" -> new TabPane();
            case "list" -> collections.list();
            case "table" -> collections.table();
            case "tree" -> collections.tree();
            case "text", "badge" -> new Label();
            case "markdown" -> new MarkdownText();
            case "code" -> code();
            case "button" -> {
                Button b = new Button();
                b.setOnAction(e -> events.fire(idOf(b), "click", JsonNodeFactory.instance.nullNode()));
                yield b;
            }
            case "textField" -> {
                TextField t = new TextField();
                t.setOnAction(e -> events.fire(idOf(t), "change", JsonNodeFactory.instance.textNode(t.getText())));
                yield t;
            }
            case "checkbox" -> {
                CheckBox c = new CheckBox();
                c.setOnAction(e -> events.fire(idOf(c), "change", JsonNodeFactory.instance.booleanNode(c.isSelected())));
                yield c;
            }
            case "select" -> {
                ComboBox<String> c = new ComboBox<>();
                c.setOnAction(e -> {
                    if (c.getValue() != null) {
                        events.fire(idOf(c), "change", JsonNodeFactory.instance.textNode(c.getValue()));
                    }
                });
                yield c;
            }
            case "progress" -> new ProgressBar();
            case "chart" -> Charts.create(n);
            default -> throw new IllegalArgumentException("no component " + n.component()); // the reader refused it before
        };
        fx.getProperties().put(VirtualRenderer.NODE_ID, n.id());
        fx.getStyleClass().addAll(NODE_CLASS, NODE_CLASS + "-" + n.component());
        configure(fx, n);
        return fx;
    }

    /** The node a control shows now (a list cell's control may show another row later). */
    static String idOf(Node control) {
        return VirtualRenderer.nodeIdOf(control);
    }

    private static TextArea code() {
        TextArea area = new TextArea();
        area.setEditable(false);
        area.setStyle("-fx-font-family: monospace;");
        area.setPrefRowCount(6);
        return area;
    }

    @SuppressWarnings("unchecked")
    void configure(Node fx, VNode n) {
        String tooltip = n.text("tooltip", null);
        if (fx instanceof javafx.scene.control.Control c) {
            c.setTooltip(tooltip == null ? null : new javafx.scene.control.Tooltip(tooltip));
        }
        fx.setDisable(n.props().path("disabled").asBoolean(false));
        switch (n.component()) {
            case "column" -> ((VBox) fx).setSpacing(n.props().path("spacing").asDouble(6));
            case "row" -> ((HBox) fx).setSpacing(n.props().path("spacing").asDouble(6));
            case "split" -> ((SplitPane) fx).setOrientation("vertical".equals(n.text("orientation", ""))
                    ? Orientation.VERTICAL : Orientation.HORIZONTAL);
            case "text" -> { // a Label, or a list's cell showing a text row itself (Collections)
                Labeled l = (Labeled) fx;
                l.setText(n.text("text", ""));
                l.setWrapText(true);
                l.getStyleClass().removeAll(TEXT_STYLES);
                switch (n.text("style", "")) {
                    case "title" -> l.getStyleClass().add("title-4");
                    case "muted" -> l.getStyleClass().add("text-muted");
                    case "caption" -> l.getStyleClass().add("text-caption");
                    default -> { }
                }
            }
            case "badge" -> {
                Label l = (Label) fx;
                l.setText(n.text("text", ""));
                String color = n.text("color", "#6e7781");
                l.setStyle("-fx-background-color: " + (color.matches("#[0-9a-fA-F]{6}") ? color : "#6e7781")
                        + "; -fx-text-fill: white; -fx-padding: 1 6; -fx-background-radius: 8;");
            }
            case "markdown" -> ((MarkdownText) fx).show(n.text("markdown", ""));
            case "code" -> ((TextArea) fx).setText(n.text("code", ""));
            case "button" -> ((Button) fx).setText(n.text("text", ""));
            case "textField" -> {
                TextField t = (TextField) fx;
                t.setPromptText(n.text("placeholder", ""));
                String value = n.text("value", "");
                if (!t.getText().equals(value)) {
                    t.setText(value);
                }
            }
            case "checkbox" -> {
                CheckBox c = (CheckBox) fx;
                c.setText(n.text("text", ""));
                c.setSelected(n.props().path("checked").asBoolean(false));
            }
            case "select" -> {
                ComboBox<String> c = (ComboBox<String>) fx;
                java.util.List<String> options = new java.util.ArrayList<>();
                n.props().path("options").forEach(o -> options.add(o.asText()));
                c.getItems().setAll(options);
                c.setValue(n.text("value", null));
            }
            case "progress" -> {
                double v = n.props().path("value").asDouble();
                ((ProgressBar) fx).setProgress(v < 0 ? ProgressBar.INDETERMINATE_PROGRESS : Math.min(1, v));
            }
            case "chart" -> Charts.configure(fx, n);
            case "table" -> collections.configureTable(fx, n);
            default -> { }
        }
    }
}
