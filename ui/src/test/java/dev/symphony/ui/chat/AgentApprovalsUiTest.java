package dev.symphony.ui.chat;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Agent mode's approvals end to end, headless, its model the replay ({@link ReplayChatSupport}). The agent reads
 * {@code hello.txt}, proposes an edit of the open buffer and a command that writes {@code check.log}; the approval
 * policy asks for both. Rejecting both leaves every file and the buffer as they were; accepting both applies the edit
 * through the editor's buffer (saved) and runs the command; Restore and its Undo, a review change by change (in the
 * prompt and in the diff view), auto-apply.
 */
@ExtendWith(ApplicationExtension.class)
class AgentApprovalsUiTest extends ReplayChatSupport {
    @Start
    void start(Stage stage) throws Exception {
        startChat(stage);
    }

    @Test
    void agentStepsRejectedLeaveTheWorkspaceUntouchedAndAcceptedOnesApply(FxRobot robot) throws Exception {
        Path hello = bench.workspace.resolve("hello.txt");
        AtomicReference<OpenDocument> opened = open(robot, hello, "Hello, world\nSecond line\n");
        Map<String, String> before = files();

        openAgent(robot);
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

    /** The file's text, or "" when it cannot be read (not there yet, or any more). */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
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

    private String promptText(FxRobot robot) {
        return chat.model().entries().stream().filter(e -> e instanceof ChatEntry.Approval a
                        && a.stateProperty().get() == ChatEntry.Approval.State.PENDING)
                .map(e -> ((ChatEntry.Approval) e).detail()).findFirst().orElse("");
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
        return onFx(() -> chat.view().lookupAll("." + ChatView.HUNK_CLASS).stream()
                .filter(n -> n.getScene() != null).map(n -> (javafx.scene.control.CheckBox) n).toList());
    }
}
