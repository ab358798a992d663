package dev.symphony.ui.chat;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.TestWorkbench;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The agent's commands in the terminal tab of their thread, headless, the model the replay's {@code run-and-stop}
 * ({@link ReplayChatSupport}): shown live, ended by the chat's Stop or by closing the tab, one tab per thread.
 */
@ExtendWith(ApplicationExtension.class)
class AgentTerminalUiTest extends ReplayChatSupport {
    @Start
    void start(Stage stage) throws Exception {
        startChat(stage);
    }

    @Test
    void theAgentsCommandShowsLiveInItsThreadsTerminalTabAndStopEndsIt(FxRobot robot) throws Exception {
        String tab = "Agent: Run the long check";
        startLongCheck(robot, tab);
        assertTrue(chat.model().busyProperty().get(), "and the agent waits for it");
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.STOP_ID).queryAs(Node.class));
        waitUntil("the tab says the command was stopped", 15, () -> agentScreen(tab).contains("[stopped, exit"));
        waitUntil("the command's processes ended", 10, () -> !sleeping());
        awaitIdle(robot);
        assertFalse(agentScreen(tab).contains("\nfinished-long-check"), "its last line never came: " + agentScreen(tab));
        assertStoppedByTheUser();
    }

    @Test
    void twoThreadsWithOneTitleShowTheirCommandsInTabsOfTheirOwn(FxRobot robot) throws Exception {
        String first = "Agent: Run the long check";
        startLongCheck(robot, first);
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.STOP_ID).queryAs(Node.class));
        waitUntil("the first command's processes ended", 10, () -> !sleeping());
        awaitIdle(robot);
        robot.interact(() -> chat.history().newThread());
        String second = first + " (2)";
        startLongCheck(robot, second); // the same question: the same title, another thread
        String line = "$ echo started-long-check";
        assertEquals(1, agentScreen(first).split(java.util.regex.Pattern.quote(line), -1).length - 1,
                "the first thread's tab shows its own command only: " + agentScreen(first));
        assertTrue(agentScreen(first).contains("[stopped, exit") && !agentScreen(second).contains("[stopped"),
                "the second's tab shows only the second's: " + agentScreen(second));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.STOP_ID).queryAs(Node.class));
        waitUntil("the second thread's tab says its command was stopped", 15, () -> agentScreen(second).contains("[stopped, exit"));
        awaitIdle(robot);
    }

    @Test
    void closingTheThreadsTabWhileItsCommandRunsAsksThenStopsItAsStopDoes(FxRobot robot) throws Exception {
        String tab = "Agent: Run the long check";
        startLongCheck(robot, tab);
        TestWorkbench.clickOn(robot, robot.from(robot.lookup("#" + dev.symphony.ui.terminal.TerminalPanelView.TABS_ID)
                .queryAs(Node.class)).lookup(".tab-close-button").match(Node::isVisible).query());
        waitUntil("closing asks first, as for any terminal that runs a program", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").query();
        assertTrue(dialog.getContentText().contains("sleep 47.25") && dialog.getContentText().contains("Closing ends it."), dialog.getContentText());
        TestWorkbench.clickOn(robot, dialog.lookupButton(dialog.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Close Terminal")).findFirst().orElseThrow()));
        waitUntil("the command's processes ended", 10, () -> !sleeping());
        awaitIdle(robot);
        assertEquals("", agentScreen(tab), "the tab is closed");
        assertStoppedByTheUser();
    }

    /** With the run-and-stop replay, asks for the long check, accepts its command and waits until it runs, shown in {@code tab}. */
    private void startLongCheck(FxRobot robot, String tab) throws Exception {
        openAgent(robot);
        robot.interact(() -> chat.model().modelProperty().set(LONG));
        ask(robot, "Run the long check");
        awaitPrompt(robot, "Run echo started-long-check; sleep 47.25; echo finished-long-check", 150); // the replay's host starts first
        answer(robot, ChatView.ACCEPT_ID);
        waitUntil("the command line and its first output show in '" + tab + "' while it runs", 30, () -> {
            String screen = agentScreen(tab);
            return screen.contains("$ echo started-long-check; sleep 47.25") && screen.contains("\nstarted-long-check");
        }, this::describeTerminals);
        waitUntil("the command's sleep runs", () -> sleeping()); // read from /proc: its line shows a moment after the echo
    }

    /** What a time-out reports: the thread's entries and each terminal tab's title and screen. */
    private String describeTerminals() {
        return "the thread: " + onFx(() -> String.valueOf(chat.model().entries().stream().map(e -> e instanceof ChatEntry.Approval a
                ? "Approval[" + a.title() + ", " + a.stateProperty().get() + "]" : e.toString()).toList()))
                + "; the terminal tabs and their screens: " + onFx(() -> bench.workbench.terminals().all().stream()
                        .map(t -> t.titleProperty().get()).toList()).stream().map(t -> "'" + t + "': " + agentScreen(t).strip()).toList();
    }

    /** The thread says it was stopped, as the chat's Stop leaves it. */
    private void assertStoppedByTheUser() {
        assertTrue(chat.model().entries().stream().anyMatch(e -> e instanceof ChatEntry.Notice n && n.text().equals("Stopped.")),
                String.valueOf(chat.model().entries()));
    }

    /** True while the long check's {@code sleep 47.25} runs: a process this test's JVM started, inside the sandbox or not. */
    private static boolean sleeping() {
        return ProcessHandle.current().descendants().anyMatch(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains("47.25")).orElse(false));
    }
}
