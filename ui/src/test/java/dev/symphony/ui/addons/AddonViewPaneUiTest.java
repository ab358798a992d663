package dev.symphony.ui.addons;

import dev.symphony.ui.TestWorkbench;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.ui.FxBridge;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * One view against a scripted backend (a test double of the extension side, for this class only): a bad tree is shown
 * as an error with its path while the last good tree stays; a hung extension leaves the JavaFX thread free; an event
 * goes back as the UI event record with the action its handler names and the root's state.
 */
@ExtendWith(ApplicationExtension.class)
class AddonViewPaneUiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicReference<String> next = new AtomicReference<>();
    private final AtomicReference<AddonBackend.UiEventRecord> received = new AtomicReference<>();
    private final CountDownLatch hang = new CountDownLatch(1);
    private volatile boolean hung;
    private final FxBridge bridge = new FxBridge();
    private AddonViewPane pane;

    @Start
    void start(Stage stage) {
        pane = new AddonViewPane("test", "Test", new AddonBackend() {
            @Override
            public JsonNode render(JsonNode state) {
                return tree();
            }

            @Override
            public JsonNode event(UiEventRecord event) {
                received.set(event);
                return tree();
            }

            private JsonNode tree() {
                try {
                    if (hung) {
                        hang.await();
                    }
                    return JSON.readTree(next.get());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, bridge);
        stage.setScene(new javafx.scene.Scene(pane, 400, 300));
        stage.show();
    }

    @AfterEach
    void stop() {
        hang.countDown();
        pane.close();
        bridge.close();
    }

    @Test
    void badTreesHungExtensionsAndEvents(FxRobot robot) throws Exception {
        next.set("{\"id\":\"r\",\"component\":\"column\",\"props\":{\"state\":{\"n\":7}},\"children\":["
                + "{\"id\":\"t\",\"component\":\"text\",\"props\":{\"text\":\"good\"}},"
                + "{\"id\":\"b\",\"component\":\"button\",\"props\":{\"text\":\"go\"},\"handlers\":[{\"event\":\"click\",\"action\":\"go\"}]}]}");
        robot.interact(pane::refresh);
        waitUntil("the tree renders", () -> robot.lookup(VirtualRenderer.withNodeId("t")).tryQueryAs(Label.class).map(Label::getText).orElse("").equals("good"));

        next.set("{\"id\":\"r\",\"component\":\"column\",\"children\":[{\"id\":\"t\",\"component\":\"chart\",\"props\":{\"type\":\"line\"}}]}");
        robot.interact(pane::refresh);
        Label error = robot.lookup("#" + AddonViewPane.ERROR_ID).queryAs(Label.class);
        waitUntil("the error shows", error::isVisible);
        assertTrue(error.getText().contains("$.children[0].props.series: a chart needs an array"), error.getText());
        assertEquals("good", robot.lookup(VirtualRenderer.withNodeId("t")).queryAs(Label.class).getText(), "the last good tree stays");

        next.set("{\"id\":\"r\",\"component\":\"column\",\"props\":{\"state\":{\"n\":7}},\"children\":["
                + "{\"id\":\"t\",\"component\":\"text\",\"props\":{\"text\":\"clicked\"}},"
                + "{\"id\":\"b\",\"component\":\"button\",\"props\":{\"text\":\"go\"},\"handlers\":[{\"event\":\"click\",\"action\":\"go\"}]}]}");
        hung = true;
        TestWorkbench.clickOn(robot, robot.lookup(VirtualRenderer.withNodeId("b")).queryAs(javafx.scene.Node.class));
        robot.interact(() -> { }); // the JavaFX thread answers while the extension hangs
        assertEquals("good", robot.lookup(VirtualRenderer.withNodeId("t")).queryAs(Label.class).getText());
        hang.countDown();
        waitUntil("the answer arrives", () -> robot.lookup(VirtualRenderer.withNodeId("t")).queryAs(Label.class).getText().equals("clicked"));
        AddonBackend.UiEventRecord event = received.get();
        assertEquals(new AddonBackend.UiEventRecord("b", "click", "go", JSON.nullNode(), JSON.readTree("{\"n\":7}")), event);
    }

    @Test
    void aControlThatFiresAfterTheViewClosedIsIgnored(FxRobot robot) throws Exception {
        next.set("{\"id\":\"r\",\"component\":\"column\",\"children\":["
                + "{\"id\":\"b\",\"component\":\"button\",\"props\":{\"text\":\"go\"},\"handlers\":[{\"event\":\"click\",\"action\":\"go\"}]}]}");
        robot.interact(pane::refresh);
        waitUntil("the tree renders", () -> robot.lookup(VirtualRenderer.withNodeId("b")).tryQuery().isPresent());
        javafx.scene.control.Button button = robot.lookup(VirtualRenderer.withNodeId("b")).queryAs(javafx.scene.control.Button.class);
        robot.interact(() -> {
            pane.close(); // a side bar view closed while the window is torn down: its controls may still fire
            button.fire();
        });
        assertEquals(null, received.get(), "no event reaches the extension from a closed view");
    }

    /** Node ids of extension content hold ':' and '.', which CSS selectors cannot name. */
}
