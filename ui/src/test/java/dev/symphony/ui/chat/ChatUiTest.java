package dev.symphony.ui.chat;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.diff.ChangeReviewBar;
import dev.symphony.ui.diff.DiffView;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import dev.symphony.kernel.paths.SymphonyPaths;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The chat panel and agent mode end to end, headless. Chat: a Markdown answer streamed through the router's chat role,
 * a context chip sent along, a code block's Copy and Insert, Stop part-way through an answer. Agent: the model is the REPLAY extension {@code replay-agent} (a recorded tool-calling
 * conversation, not a model) in a real host over the real bus, reached through the kernel's router by the
 * {@code models.agent} setting. The agent reads {@code hello.txt}, proposes an edit of the open buffer and a command
 * that writes {@code check.log}; the approval policy asks for both. Rejecting both leaves every file and the buffer
 * as they were; accepting both applies the edit through the editor's buffer (saved) and runs the command.
 */
@ExtendWith(ApplicationExtension.class)
class ChatUiTest {
    private static final String REPLAY = "dev.symphony.samples.replay-agent/edit-and-run";
    private static final String CHAT = "dev.symphony.samples.replay-agent/markdown-answer";
    private static final String HUNKS = "dev.symphony.samples.replay-agent/review-hunks";
    private static final String LONG = "dev.symphony.samples.replay-agent/run-and-stop";
    /** One kernel for the class: the replay's host starts once. */
    private static Path kernelHome;
    private static Kernel kernel;
    private TestWorkbench bench;
    private ChatWorkbench chat;

    @BeforeAll
    static void startKernel() throws Exception {
        kernelHome = Files.createTempDirectory("symphony-chat-kernel");
        Path devRoot = Files.createDirectories(kernelHome.resolve("dev"));
        Files.createSymbolicLink(devRoot.resolve("replay-agent"), Path.of("..", "sample-extensions", "replay-agent").toAbsolutePath().normalize());
        kernel = Kernel.start(new KernelContext().paths(SymphonyPaths.under(kernelHome)).workspace(kernelHome).developmentRoot(devRoot));
    }

    @AfterAll
    static void stopKernel() throws Exception {
        kernel.close();
        try (Stream<Path> files = Files.walk(kernelHome)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "chat");
        chat = ChatWorkbench.attach(bench.workbench, CompletableFuture.completedFuture(kernel));
        Files.createDirectories(bench.paths().userSettingsFile().getParent());
        Files.writeString(bench.paths().userSettingsFile(), "{\"models.agent\": \"" + REPLAY + "\", \"models.chat\": \"" + CHAT
                + "\", \"models.budget.perDay\": 1}\n");
        // the replay is priced like a cloud model here, so the thread's money and the day's budget show
        Files.writeString(bench.paths().configDir().resolve("model-prices.json"),
                "{\"models\": {\"edit-and-run\": {\"input\": 2.5, \"output\": 10, \"currency\": \"USD\"},"
                + " \"markdown-answer\": {\"input\": 0, \"output\": 0, \"currency\": \"USD\"},"
                + " \"review-hunks\": {\"input\": 0, \"output\": 0, \"currency\": \"USD\"},"
                + " \"run-and-stop\": {\"input\": 0, \"output\": 0, \"currency\": \"USD\"}}}\n");
    }

    @AfterEach
    void cleanUp() throws Exception {
        chat.close();
        bench.close();
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
    void agentStepsRejectedLeaveTheWorkspaceUntouchedAndAcceptedOnesApply(FxRobot robot) throws Exception {
        Path hello = bench.workspace.resolve("hello.txt");
        AtomicReference<OpenDocument> opened = open(robot, hello, "Hello, world\nSecond line\n");
        Map<String, String> before = files();

        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN_AGENT));
        waitUntil("the chat shows in agent mode", () -> robot.lookup("#" + ChatView.ID).tryQuery().isPresent()
                && chat.model().agentModeProperty().get());
        ask(robot, "Change the greeting in hello.txt to Symphony and run the check");

        awaitPrompt(robot, "Edit hello.txt", 120); // the replay's host starts first
        String prompt = promptText(robot);
        assertTrue(prompt.contains("-Hello, world") && prompt.contains("+Hello, Symphony"), "the prompt shows the diff: " + prompt);
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "agent-approval.png"));
        answer(robot, ChatView.REJECT_ID);
        awaitPrompt(robot, "Run grep -c Symphony hello.txt > check.log", 30);
        assertTrue(promptText(robot).contains("redirect"), "the prompt says why the policy asks: " + promptText(robot));
        answer(robot, ChatView.REJECT_ID);
        awaitIdle(robot);
        assertTrue(lastAnswer().contains("I ran nothing"), lastAnswer());
        assertEquals(before, files(), "rejection leaves every file of the workspace as it was");
        assertEquals("Hello, world\nSecond line\n", opened.get().text(), "and the open buffer");

        robot.interact(() -> chat.model().clear());
        ask(robot, "Change the greeting in hello.txt to Symphony and run the check");
        awaitPrompt(robot, "Edit hello.txt", 30);
        answer(robot, ChatView.ACCEPT_ID);
        awaitPrompt(robot, "Run grep -c Symphony hello.txt > check.log", 30);
        answer(robot, ChatView.ACCEPT_ID);
        awaitIdle(robot);
        assertTrue(lastAnswer().startsWith("Done:"), lastAnswer());
        assertEquals("Hello, Symphony\nSecond line\n", opened.get().text(), "the edit went through the open buffer");
        assertFalse(opened.get().dirtyProperty().get(), "and its tab saved it");
        assertEquals("Hello, Symphony\nSecond line\n", Files.readString(hello));
        assertEquals("1\n", Files.readString(bench.workspace.resolve("check.log")), "the accepted command ran in the workspace");
        String tab = "Agent: Change the greeting in hello.txt to Symphony and run the check";
        waitUntil("the command shows in the thread's terminal tab, with how it ended", 15, () -> {
            String screen = agentScreen(tab);
            return screen.contains("$ grep -c Symphony hello.txt > check.log") && screen.contains("[exit 0]");
        });
        assertEquals(1, onFx(() -> bench.workbench.terminals().all().stream().filter(t -> t.titleProperty().get().equals(tab)).count()),
                "one tab for the thread");
        assertTrue(chat.model().entries().stream().anyMatch(e -> e instanceof ChatEntry.Tool t && t.title().startsWith("Ran grep")
                && (t.shown().contains("[ran in an overlay; applied:]\n+ check.log") || t.shown().contains("[not in an overlay: "))),
                "the command's line says whether it ran in an overlay: " + chat.model().entries());
        String usage = robot.lookup("#" + ChatView.USAGE_ID).queryAs(Label.class).getText();
        assertTrue(usage.matches(".*\\d+ in · \\d+ out tokens · 0\\.\\d{4} USD · day budget left 0\\.9\\d{3} USD"), usage);
        String tokensAndMoney = usage.substring(0, usage.indexOf(" · day budget"));
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "agent-done.png"));

        // Restore on the edit's line: the files, the open buffer and the thread go back to before the edit
        clickRestoreButton(robot, 0);
        waitUntil("the restore brings the file back and removes check.log", 30, () -> read(hello).equals("Hello, world\nSecond line\n")
                && !Files.exists(bench.workspace.resolve("check.log")));
        waitUntil("the open buffer follows", () -> opened.get().text().equals("Hello, world\nSecond line\n"));
        awaitIdle(robot);
        assertEquals(before, files(), "restored: every file of the workspace as before the agent's steps");
        ChatEntry restored = chat.model().entries().get(chat.model().entries().size() - 1);
        assertTrue(restored instanceof ChatEntry.Restored r && r.shown().contains("restored hello.txt") && r.shown().contains("deleted check.log"),
                String.valueOf(restored));
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "agent-restored.png"));
        // Undo on the restore: the agent's changes are back
        clickRestoreButton(robot, -1);
        waitUntil("the restore is undone", 30, () -> read(hello).equals("Hello, Symphony\nSecond line\n")
                && read(bench.workspace.resolve("check.log")).equals("1\n"));
        waitUntil("and the buffer", () -> opened.get().text().equals("Hello, Symphony\nSecond line\n"));
        awaitIdle(robot);

        // a new chat of the window — its own checkpoint session, the steps read back from the checkpoint store —
        // reopens the kept thread from the list: its Restore and Undo are live controls again, and restore
        chat.close(); // keeps the thread and closes the checkpoint session
        chat = ChatWorkbench.attach(bench.workbench, CompletableFuture.completedFuture(kernel));
        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN));
        waitUntil("the kept thread is listed", () -> chat.history().threads().stream()
                .anyMatch(t -> t.title().equals("Change the greeting in hello.txt to Symphony and run the check")));
        String kept = chat.history().threads().stream().filter(t -> t.title().startsWith("Change the greeting"))
                .findFirst().orElseThrow().id();
        robot.interact(() -> chat.history().open(kept));
        waitUntil("the reopened thread shows its steps with Restore", () -> chat.view().lookupAll("." + ChatView.RESTORE_CLASS).size() >= 2);
        assertEquals(tokensAndMoney, robot.lookup("#" + ChatView.USAGE_ID).queryAs(Label.class).getText(),
                "the reopened thread's tokens and money, counted on from there");
        clickRestoreButton(robot, 0);
        waitUntil("the reopened thread's Restore brings the files back", 30, () -> read(hello).equals("Hello, world\nSecond line\n")
                && !Files.exists(bench.workspace.resolve("check.log")));
        waitUntil("and the open buffer", () -> opened.get().text().equals("Hello, world\nSecond line\n"));
        awaitIdle(robot);
        assertEquals(before, files(), "restored from the store: every file as before the agent's steps");
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
        TestWorkbench.clickOn(robot, (Node) robot.from(robot.lookup("#" + dev.symphony.ui.terminal.TerminalPanelView.TABS_ID)
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
        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN_AGENT));
        waitUntil("the chat shows in agent mode", () -> robot.lookup("#" + ChatView.ID).tryQuery().isPresent()
                && chat.model().agentModeProperty().get());
        robot.interact(() -> chat.model().modelProperty().set(LONG));
        ask(robot, "Run the long check");
        awaitPrompt(robot, "Run echo started-long-check; sleep 47.25; echo finished-long-check", 150); // the replay's host starts first
        answer(robot, ChatView.ACCEPT_ID);
        waitUntil("the command line and its first output show in '" + tab + "' while it runs", 30, () -> {
            String screen = agentScreen(tab);
            return screen.contains("$ echo started-long-check; sleep 47.25") && screen.contains("\nstarted-long-check");
        });
        waitUntil("the command's sleep runs", () -> sleeping()); // read from /proc: its line shows a moment after the echo
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

    @Test
    void anEditIsReviewedChangeByChange(FxRobot robot) throws Exception {
        Path hello = bench.workspace.resolve("hello.txt");
        AtomicReference<OpenDocument> opened = open(robot, hello, "Hello, world\nSecond line\nBye, world\n");
        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN_AGENT));
        // the model picker: the kernel's models listed, the recording of this review picked over models.agent's
        pick(robot, HUNKS);
        assertEquals(HUNKS, chat.model().modelProperty().get(), "the pick is the view-model's");
        ask(robot, "Change the greeting and the farewell in hello.txt");
        awaitPrompt(robot, "Edit hello.txt", 120);
        ChatEntry.Approval review = (ChatEntry.Approval) chat.model().entries().stream()
                .filter(e -> e instanceof ChatEntry.Approval).findFirst().orElseThrow();
        assertEquals(2, review.hunks().size(), "one change per changed block: " + review.detail());
        // the prompt's boxes as shown now, read on the JavaFX thread: the prompt is drawn again when the diff view
        // opens beside it, and a box looked up before that is no longer in the scene (CI run 52)
        waitUntil("the prompt shows its two changes", () -> hunkBoxes().size() == 2);
        java.util.List<javafx.scene.control.CheckBox> boxes = hunkBoxes();
        assertTrue(boxes.get(0).isSelected() && boxes.get(1).isSelected(), "every change is kept until the person unticks it");
        TestWorkbench.clickOn(robot, boxes.get(1)); // the farewell stays
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertFalse(review.hunks().get(1).keep().get());
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "agent-diff-review.png"));
        answer(robot, ChatView.ACCEPT_ID);
        awaitIdle(robot);
        assertEquals("Hello, Symphony\nSecond line\nBye, world\n", Files.readString(hello), "only the accepted change is applied");
        assertEquals("Hello, Symphony\nSecond line\nBye, world\n", opened.get().text(), "through the open buffer");
        assertTrue(lastAnswer().startsWith("Only the greeting changed"), "the model is told which change was rejected: " + lastAnswer());
    }

    @Test
    void autoApplyAppliesTheThreadsEditsWithoutAskingAndRestoreBringsThemBack(FxRobot robot) throws Exception {
        Path hello = bench.workspace.resolve("hello.txt");
        AtomicReference<OpenDocument> opened = open(robot, hello, "Hello, world\nSecond line\nBye, world\n");
        Map<String, String> before = files();
        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN_AGENT));
        waitUntil("the chat shows in agent mode", () -> robot.lookup("#" + ChatView.AUTO_APPLY_ID).tryQuery().map(Node::isVisible).orElse(false));
        pick(robot, HUNKS);
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.AUTO_APPLY_ID).queryAs(Node.class));
        assertTrue(chat.model().autoApplyProperty().get(), "the toggle turns the thread's auto-apply on");
        ask(robot, "Change the greeting and the farewell in hello.txt");
        waitUntil("the agent finishes (the replay's host may start first)", 150, () -> !chat.model().busyProperty().get());
        assertEquals("Both lines changed.", lastAnswer(), "the model is told the whole edit was applied");
        assertTrue(robot.lookup("#" + ChatView.ACCEPT_ID).tryQuery().isEmpty(), "nothing was asked");
        ChatEntry.Approval applied = (ChatEntry.Approval) chat.model().entries().stream()
                .filter(e -> e instanceof ChatEntry.Approval).findFirst().orElseThrow();
        assertTrue(applied.automatic() && applied.stateProperty().get() == ChatEntry.Approval.State.ACCEPTED, applied.title());
        assertTrue(applied.detail().contains("+Bye, Symphony"), "the thread shows what was applied: " + applied.detail());
        assertEquals("Hello, Symphony\nSecond line\nBye, Symphony\n", Files.readString(hello));
        assertEquals("Hello, Symphony\nSecond line\nBye, Symphony\n", opened.get().text(), "through the open buffer");
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "agent-auto-applied.png"));

        clickRestoreButton(robot, 0);
        waitUntil("the restore brings the file back", 30, () -> read(hello).equals("Hello, world\nSecond line\nBye, world\n"));
        waitUntil("and the open buffer", () -> opened.get().text().equals("Hello, world\nSecond line\nBye, world\n"));
        awaitIdle(robot);
        assertEquals(before, files(), "restored: every file as before the auto-applied edit");
        robot.interact(() -> chat.model().clear());
        assertFalse(chat.model().autoApplyProperty().get(), "a new thread asks again");
    }

    @Test
    void anEditIsReviewedInTheDiffView(FxRobot robot) throws Exception {
        Path hello = bench.workspace.resolve("hello.txt");
        AtomicReference<OpenDocument> opened = open(robot, hello, "Hello, world\nSecond line\nBye, world\n");
        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN_AGENT));
        robot.interact(() -> {
            chat.model().models().add(HUNKS);
            chat.model().modelProperty().set(HUNKS);
        });
        ask(robot, "Change the greeting and the farewell in hello.txt");
        awaitPrompt(robot, "Edit hello.txt", 150); // the replay's host starts first
        // the proposed edit opened in the diff view by itself: the text at the edit's base revision against the proposal
        waitUntil("the diff view shows the edit's first change", () -> bench.workbench.diffs().active() != null
                && "1 of 2 changes".equals(robot.lookup("#" + DiffView.COUNT_ID).queryAs(Label.class).getText()));
        DiffView diff = bench.workbench.diffs().active();
        assertEquals("Hello, world\nSecond line\nBye, world\n", diff.leftView().buffer().text().toString());
        assertEquals("Hello, Symphony\nSecond line\nBye, Symphony\n", diff.rightView().buffer().text().toString());
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "agent-review-in-diff.png"));
        robot.interact(() -> bench.workbench.tabsView().getTabs().remove(bench.workbench.tabsView().getSelectionModel().getSelectedItem()));
        waitUntil("the diff tab is closed", () -> bench.workbench.diffs().active() == null);
        answer(robot, ChatEntryNodes.REVIEW_ID); // the chat's prompt opens it again
        waitUntil("the prompt's button opens the diff view again", () -> bench.workbench.diffs().active() != null
                && "1 of 2 changes".equals(robot.lookup("#" + DiffView.COUNT_ID).queryAs(Label.class).getText()));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChangeReviewBar.ACCEPT_ID).queryAs(Node.class)); // the greeting
        waitUntil("the review moves on to the second change", () -> "2 of 2 changes".equals(
                robot.lookup("#" + DiffView.COUNT_ID).queryAs(Label.class).getText()));
        ChatEntry.Approval review = (ChatEntry.Approval) chat.model().entries().stream()
                .filter(e -> e instanceof ChatEntry.Approval).findFirst().orElseThrow();
        assertEquals(ChatEntry.Approval.State.PENDING, review.stateProperty().get(), "one answer of two does not answer the prompt");
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChangeReviewBar.REJECT_ID).queryAs(Node.class)); // the farewell
        awaitIdle(robot);
        assertEquals(ChatEntry.Approval.State.ACCEPTED, review.stateProperty().get(), "the last answer in the diff view answered the prompt");
        assertTrue(review.hunks().get(0).keep().get() && !review.hunks().get(1).keep().get(), "the prompt's changes follow the diff view's answers");
        waitUntil("the review's tab closed", () -> bench.workbench.diffs().active() == null);
        assertEquals("Hello, Symphony\nSecond line\nBye, world\n", opened.get().text(), "only the accepted change reached the buffer");
        assertEquals("Hello, Symphony\nSecond line\nBye, world\n", Files.readString(hello), "and the file");
        assertTrue(lastAnswer().startsWith("Only the greeting changed"), "the model is told which change was rejected: " + lastAnswer());
        robot.interact(() -> opened.get().buffer().undo());
        assertEquals("Hello, world\nSecond line\nBye, world\n", opened.get().text(), "the accepted change is one undo step");
    }

    /** Writes {@code file} and opens it in a tab; the reference holds its document. */
    private AtomicReference<OpenDocument> open(FxRobot robot, Path file, String text) throws Exception {
        Files.writeString(file, text);
        AtomicReference<OpenDocument> opened = new AtomicReference<>();
        robot.interact(() -> bench.workbench.openFile(file, opened::set));
        waitUntil(file.getFileName() + " is open in a tab", () -> opened.get() != null);
        return opened;
    }

    /** The file's text, or "" when it cannot be read (not there yet, or any more). */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The screen of the terminal tab titled {@code title} (the agent's), read on the JavaFX thread; "" when there is none. */
    private String agentScreen(String title) {
        return onFx(() -> bench.workbench.terminals().all().stream().filter(t -> t.titleProperty().get().equals(title)).findFirst()
                .flatMap(t -> bench.workbench.terminalPanel().viewOf(t)).map(v -> String.join("\n", v.lines(0))).orElse(""));
    }

    /** Clicks the {@code index}-th (from the end when negative) Restore or Undo button of the thread. */
    private void clickRestoreButton(FxRobot robot, int index) throws Exception {
        AtomicReference<Node> button = new AtomicReference<>();
        waitUntil("a Restore button is on screen", () -> {
            java.util.List<Node> all = new java.util.ArrayList<>(chat.view().lookupAll("." + ChatView.RESTORE_CLASS));
            all.sort(java.util.Comparator.comparingDouble(n -> n.localToScene(0, 0).getY()));
            if (all.isEmpty()) {
                return false;
            }
            button.set(all.get(index < 0 ? all.size() + index : index));
            return button.get().getScene() != null;
        });
        robot.interact(() -> {
            for (javafx.scene.Parent p = button.get().getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp) { // scrolled into view: the button is clicked like a person would
                    javafx.geometry.Bounds b = sp.getContent().sceneToLocal(button.get().localToScene(button.get().getBoundsInLocal()));
                    double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 20) / room)));
                    break;
                }
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        TestWorkbench.clickOn(robot, button.get());
    }

    /** Opens the model picker's list (as its popup does) and picks {@code model} once the kernel's models are listed. */
    private void pick(FxRobot robot, String model) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> picker = robot.lookup("#" + ChatView.MODEL_ID).queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> picker.getOnShowing().handle(null)); // what opening the list does, without its popup window
        long[] listed = {System.nanoTime()};
        waitUntil("the picker lists the kernel's models (the replay's host may start first)", 150, () -> {
            if (System.nanoTime() - listed[0] > 10_000_000_000L) { // a catalogue call that timed out under load lists
                listed[0] = System.nanoTime();                   // nothing: a person opens the list again
                javafx.application.Platform.runLater(() -> picker.getOnShowing().handle(null));
            }
            return chat.model().models().contains(model);
        });
        robot.interact(() -> picker.setValue(model));
    }

    /** Clicks Accept or Reject of the pending prompt in this test's chat panel. */
    private void answer(FxRobot robot, String buttonId) throws Exception {
        AtomicReference<Node> button = new AtomicReference<>();
        waitUntil(buttonId + " is on screen", () -> {
            Node b = chat.view().lookup("#" + buttonId);
            button.set(b);
            if (b == null || b.getScene() == null || b.isDisabled()) {
                return false;
            }
            javafx.geometry.Bounds at = b.localToScene(b.getBoundsInLocal()); // laid out and scrolled into the window
            return at.getWidth() > 0 && at.getMinY() >= 0 && at.getMaxY() <= b.getScene().getHeight();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        TestWorkbench.clickOn(robot, button.get());
    }

    private void ask(FxRobot robot, String text) throws Exception {
        robot.interact(() -> robot.lookup("#" + ChatView.INPUT_ID).queryAs(TextArea.class).setText(text));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.SEND_ID).queryAs(Node.class));
        try {
            waitUntil("the request runs", () -> chat.model().busyProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the request did not run; the thread: " + chat.model().entries(), e);
        }
    }

    private void awaitPrompt(FxRobot robot, String title, int seconds) throws Exception {
        waitUntil("an approval prompt for '" + title + "' shows", seconds, () ->
                robot.lookup("#" + ChatView.ACCEPT_ID).tryQuery().isPresent() && chat.model().entries().stream()
                        .anyMatch(e -> e instanceof ChatEntry.Approval a && a.stateProperty().get() == ChatEntry.Approval.State.PENDING
                                && a.title().equals(title)));
    }

    private String promptText(FxRobot robot) {
        return chat.model().entries().stream().filter(e -> e instanceof ChatEntry.Approval a
                        && a.stateProperty().get() == ChatEntry.Approval.State.PENDING)
                .map(e -> ((ChatEntry.Approval) e).detail()).findFirst().orElse("");
    }

    private void awaitIdle(FxRobot robot) throws Exception {
        waitUntil("the chat finishes", 30, () -> !chat.model().busyProperty().get());
    }

    private String lastAnswer() {
        for (int i = chat.model().entries().size() - 1; i >= 0; i--) {
            if (chat.model().entries().get(i) instanceof ChatEntry.Assistant a) {
                return a.textProperty().get();
            }
        }
        return "";
    }

    /** Every file of the workspace with its content (the .symphony folder the workbench keeps included). */
    private Map<String, String> files() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(bench.workspace)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(bench.workspace.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The change boxes of the prompt that are in the scene now (read on the JavaFX thread). */
    private java.util.List<javafx.scene.control.CheckBox> hunkBoxes() {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> chat.view().lookupAll("." + ChatView.HUNK_CLASS).stream()
                    .filter(n -> n.getScene() != null).map(n -> (javafx.scene.control.CheckBox) n).toList())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the prompt's change boxes", e);
        }
    }
}
