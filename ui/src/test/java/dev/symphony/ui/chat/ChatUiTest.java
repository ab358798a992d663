package dev.symphony.ui.chat;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The chat panel end to end, headless, its model the replay ({@link ReplayChatSupport}): a Markdown answer streamed
 * through the router's chat role, a context chip sent along, a code block's Copy and Insert, Stop part-way through an
 * answer; Maestro's auto in the model picker.
 */
@ExtendWith(ApplicationExtension.class)
class ChatUiTest extends ReplayChatSupport {
    @Start
    void start(Stage stage) throws Exception {
        startChat(stage);
    }

    @Test
    void aMarkdownAnswerStreamsWithContextCodeActionsAndStop(FxRobot robot) throws Exception {
        Path hello = bench.workspace.resolve("hello.txt");
        AtomicReference<OpenDocument> opened = open(robot, hello, "Hello, world\nSecond line\n");
        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN));
        waitUntil("the chat shows", () -> robot.lookup("#" + ChatView.ID).tryQuery().isPresent());
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.ADD_FILE_ID).queryAs(Node.class));
        assertEquals("hello.txt", chat.model().chips().get(0).label(), "the current file is a chip");
        ask(robot, "What does hello.txt say?");
        waitUntil("the answer streams in", 120, () -> lastAnswer().contains("What"));
        awaitIdle(robot);
        assertTrue(chat.model().chips().isEmpty(), "the chips went with the message");
        ChatEntry.User asked = (ChatEntry.User) chat.model().entries().get(0);
        assertEquals(java.util.List.of("hello.txt"), asked.context());
        assertTrue(lastAnswer().contains("```text\nHello, Symphony\n```"), lastAnswer());
        Button insert = robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> "Insert".equals(b.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Insert button on the code block"));
        robot.interact(() -> bench.workbench.tabsView().activeEditor().view().controller().goToLine(3, 1));
        TestWorkbench.clickOn(robot, insert);
        waitUntil("Insert put the code at the editor's caret", () -> opened.get().text().equals("Hello, world\nSecond line\nHello, Symphony"));
        Button copy = robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> "Copy".equals(b.getText())).findFirst().orElseThrow();
        TestWorkbench.clickOn(robot, copy);
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertEquals("Hello, Symphony", clip.get());
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "chat-light.png"));
        robot.interact(() -> bench.workbench.window().run("workbench.action.toggleTheme"));
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "chat-dark.png"));

        ask(robot, "Tell me more");
        waitUntil("the long answer streams", 30, () -> lastAnswer().startsWith("Here is the long version."));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.STOP_ID).queryAs(Node.class));
        awaitIdle(robot);
        ChatEntry last = chat.model().entries().get(chat.model().entries().size() - 1);
        assertTrue(last instanceof ChatEntry.Notice n && n.text().equals("Stopped."), String.valueOf(last));
        assertTrue(lastAnswer().length() < 2000, "stopped part-way: " + lastAnswer().length() + " characters");
    }

    @Test
    void maestroAutoChoosesAModelByRoleAndBudgetAndTheReplySaysWhich(FxRobot robot) throws Exception {
        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN));
        waitUntil("the chat shows", () -> robot.lookup("#" + ChatView.ID).tryQuery().isPresent());
        assertTrue(chat.model().models().contains(ChatViewModel.MAESTRO), "the picker offers Maestro's auto: " + chat.model().models());
        robot.interact(() -> chat.model().modelProperty().set(ChatViewModel.MAESTRO));
        ask(robot, "What does hello.txt say?");
        waitUntil("the answer is complete", 150, () -> !chat.model().busyProperty().get()); // the replay's host starts first
        ChatEntry.Assistant answer = chat.model().entries().stream().filter(e -> e instanceof ChatEntry.Assistant)
                .map(e -> (ChatEntry.Assistant) e).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(chat.model().entries().toString()));
        // chat: the four priced replays fit the day's budget (1 USD) and have no context length: the free ones first, then the id
        assertTrue(answer.metaProperty().get().startsWith(CHAT + " (auto: chat: chat, the largest context, then the cheapest, of 4 that may cost at most 0.1000"),
                answer.metaProperty().get());
    }
}
