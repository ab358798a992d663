package dev.symphony.ui.chat;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;

import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;

/**
 * What the chat's headless tests share ({@link ChatUiTest}, {@link AgentApprovalsUiTest}, {@link AgentTerminalUiTest}):
 * the model is the REPLAY extension {@code replay-agent} (recorded conversations, not a model) in a real host over the
 * real bus, reached through the kernel's router by the {@code models.chat} and {@code models.agent} settings; and the
 * steps a person takes in the chat panel. A test class calls {@link #startChat} from its own {@code @Start} (TestFX
 * looks for that method in the test class only).
 */
abstract class ReplayChatSupport {
    static final String REPLAY = "dev.symphony.samples.replay-agent/edit-and-run";
    static final String CHAT = "dev.symphony.samples.replay-agent/markdown-answer";
    static final String HUNKS = "dev.symphony.samples.replay-agent/review-hunks";
    static final String LONG = "dev.symphony.samples.replay-agent/run-and-stop";
    /** One kernel for the class: the replay's host starts once. */
    private static Path kernelHome;
    static Kernel kernel;
    TestWorkbench bench;
    ChatWorkbench chat;

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

    /** A workbench with the chat attached, its models the replay's (priced like a cloud model, so money and budget show). */
    void startChat(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "chat");
        chat = ChatWorkbench.attach(bench.workbench, CompletableFuture.completedFuture(kernel));
        Files.createDirectories(bench.paths().userSettingsFile().getParent());
        Files.writeString(bench.paths().userSettingsFile(), "{\"models.agent\": \"" + REPLAY + "\", \"models.chat\": \"" + CHAT
                + "\", \"models.budget.perDay\": 1}\n");
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

    /** Writes {@code file} and opens it in a tab; the reference holds its document. */
    AtomicReference<OpenDocument> open(FxRobot robot, Path file, String text) throws Exception {
        Files.writeString(file, text);
        AtomicReference<OpenDocument> opened = new AtomicReference<>();
        robot.interact(() -> bench.workbench.openFile(file, opened::set));
        waitUntil(file.getFileName() + " is open in a tab", () -> opened.get() != null);
        return opened;
    }

    /** The screen of the terminal tab titled {@code title} (the agent's), read on the JavaFX thread; "" when there is none. */
    String agentScreen(String title) {
        return onFx(() -> bench.workbench.terminals().all().stream().filter(t -> t.titleProperty().get().equals(title)).findFirst()
                .flatMap(t -> bench.workbench.terminalPanel().viewOf(t)).map(v -> String.join("\n", v.lines(0))).orElse(""));
    }

    /** Clicks Accept or Reject (and waits until the prompt is answered) or another button of the pending prompt in this test's chat panel. */
    void answer(FxRobot robot, String buttonId) throws Exception {
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
        if (!buttonId.equals(ChatView.ACCEPT_ID) && !buttonId.equals(ChatView.REJECT_ID)) {
            return;
        }
        waitUntil("the click on " + buttonId + " answers the prompt", 10, () -> onFx(() -> button.get().getId() == null), // an answered prompt's buttons lose their ids
                () -> "the button is at " + onFx(() -> button.get().localToScene(button.get().getBoundsInLocal()))
                        + " in a scene of height " + onFx(() -> button.get().getScene() == null ? "(none)" : button.get().getScene().getHeight()));
    }

    /** Runs "Chat: Open in Agent Mode" and waits until the chat shows in agent mode. */
    void openAgent(FxRobot robot) throws Exception {
        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN_AGENT));
        waitUntil("the chat shows in agent mode", () -> robot.lookup("#" + ChatView.ID).tryQuery().isPresent()
                && chat.model().agentModeProperty().get());
    }

    void ask(FxRobot robot, String text) throws Exception {
        robot.interact(() -> robot.lookup("#" + ChatView.INPUT_ID).queryAs(TextArea.class).setText(text));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.SEND_ID).queryAs(Node.class));
        try {
            waitUntil("the request runs", () -> chat.model().busyProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the request did not run; the thread: " + chat.model().entries(), e);
        }
    }

    void awaitPrompt(FxRobot robot, String title, int seconds) throws Exception {
        waitUntil("an approval prompt for '" + title + "' shows", seconds, () ->
                robot.lookup("#" + ChatView.ACCEPT_ID).tryQuery().isPresent() && chat.model().entries().stream()
                        .anyMatch(e -> e instanceof ChatEntry.Approval a && a.stateProperty().get() == ChatEntry.Approval.State.PENDING
                                && a.title().equals(title)));
    }

    void awaitIdle(FxRobot robot) throws Exception {
        waitUntil("the chat finishes", 30, () -> !chat.model().busyProperty().get());
    }

    String lastAnswer() {
        for (int i = chat.model().entries().size() - 1; i >= 0; i--) {
            if (chat.model().entries().get(i) instanceof ChatEntry.Assistant a) {
                return a.textProperty().get();
            }
        }
        return "";
    }
}
