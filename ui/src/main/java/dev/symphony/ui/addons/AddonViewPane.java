package dev.symphony.ui.addons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.ui.FxBridge;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * One extension view on screen: a title, the rendered tree, and an error line. Calls to the extension, reading and
 * diffing its tree run on this view's own thread, never the JavaFX thread, so a slow or hung extension only leaves
 * its view stale; the JavaFX thread applies the finished plan. A bad tree keeps the last good one on screen and shows
 * the JSON path of the problem. The state an event carries is the root's {@code state} prop (the extension keeps
 * its state in the tree it returns).
 */
public final class AddonViewPane extends BorderPane {
    public static final String ERROR_ID = "addon-view-error";
    private final AddonBackend backend;
    private final FxBridge bridge;
    private final ExecutorService calls;
    private final VirtualRenderer renderer;
    private final Label error = new Label();
    private final StackPane body = new StackPane();
    private final Label heading;
    /** The tree the last plan was made against: read and written on the view's thread only. */
    private VNode planned;

    public AddonViewPane(String viewId, String title, AddonBackend backend, FxBridge bridge) {
        this.backend = backend;
        this.bridge = bridge;
        this.calls = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "view-" + viewId);
            t.setDaemon(true);
            return t;
        });
        this.renderer = new VirtualRenderer(this::onAction);
        setId("addon-view:" + viewId);
        Label heading = new Label(title.toUpperCase(java.util.Locale.ROOT));
        heading.getStyleClass().add("text-caption");
        heading.setStyle("-fx-padding: 6 8 6 8;");
        error.setId(ERROR_ID);
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg; -fx-padding: 4 8 4 8;");
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());
        body.setStyle("-fx-padding: 4 8 8 8;");
        this.heading = heading;
        setTop(new javafx.scene.layout.VBox(heading, error));
        setCenter(body);
    }

    /** Leaves out the view's own title (where its place shows it already: the panel's heading). */
    public void hideHeading() {
        heading.setVisible(false);
        heading.setManaged(false);
    }

    /** Asks the extension for its tree (the first render starts its host: activation {@code onView}). */
    public void refresh() {
        submit(b -> b.render(stateOf(planned)));
    }

    private void onAction(String nodeId, String event, String action, JsonNode value) {
        submit(b -> b.event(new AddonBackend.UiEventRecord(nodeId, event, action, value, stateOf(planned))));
    }

    private static JsonNode stateOf(VNode tree) {
        return tree == null || !tree.props().has("state") ? JsonNodeFactory.instance.objectNode() : tree.props().get("state");
    }

    private void submit(Function<AddonBackend, JsonNode> call) {
        if (calls.isShutdown()) {
            return; // closed: a control still on screen may fire while the window is torn down (JavaFX thread, as close)
        }
        calls.execute(() -> {
            TreeDiff.Plan plan;
            try {
                VNode next = VirtualTreeReader.read(call.apply(backend));
                plan = TreeDiff.plan(planned, next);
                planned = next;
            } catch (BadTreeException e) {
                bridge.onFx(() -> showError("The extension sent a tree this view cannot show: " + e.getMessage()));
                return;
            } catch (RuntimeException e) {
                bridge.onFx(() -> showError("The extension failed: " + e.getMessage()));
                return;
            }
            if (!plan.empty()) {
                bridge.onFx(() -> show(plan));
            } else {
                bridge.onFx(() -> error.setVisible(false));
            }
        });
    }

    private void show(TreeDiff.Plan plan) {
        error.setVisible(false);
        javafx.scene.Node root = renderer.apply(plan);
        if (body.getChildren().isEmpty() || body.getChildren().get(0) != root) {
            body.getChildren().setAll(root);
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** The tree on screen (JavaFX thread). */
    public VNode tree() {
        return renderer.tree();
    }

    public void close() {
        calls.shutdownNow();
    }
}
