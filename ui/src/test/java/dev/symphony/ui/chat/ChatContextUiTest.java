package dev.symphony.ui.chat;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.symphony.agent.AgentTools;
import dev.symphony.agent.ApprovalGate;
import dev.symphony.agent.ModelBackend;
import dev.symphony.agent.StepRecorder;
import dev.symphony.agent.checkpoint.Checkpoints;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.problems.Problem;
import dev.symphony.ui.tabs.OpenDocument;
import dev.symphony.ui.terminal.pty.CommandRequest;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The chat's kept threads, rules files, context chips and highlighted code blocks, headless, by clicks and keys. No
 * model answers here (the window's kernel is absent, so a request fails and says so): what is under test is what the
 * panel keeps, finds and sends. The one test that needs the request's content uses a recording stand-in for the model
 * ({@link Recording}), named as such.
 */
@ExtendWith(ApplicationExtension.class)
class ChatContextUiTest {
    private static final long DAY = java.time.Instant.parse("2026-12-05T09:30:00Z").toEpochMilli();
    private TestWorkbench bench;
    private ChatWorkbench chat;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "chat-context");
        chat = ChatWorkbench.attach(bench.workbench, CompletableFuture.failedFuture(
                new IllegalStateException("no extension kernel in this test")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        chat.close();
        bench.close();
    }

    private ChatThreads store() {
        return ChatThreads.of(bench.paths().data("chat-threads"), bench.workspace);
    }

    @Test
    void threadsAreKeptPerFolderFoundByTheirTextReopenedAndContinued(FxRobot robot) throws Exception {
        ChatThreads store = store();
        String answer = "Use this:\n\n```java\nclass Build { // runs gradle\n    String task = \"assemble\";\n}\n```\n";
        store.save(new ChatThreads.Saved("0000000000002-00000001", "How do I run the gradle build?", DAY + 3_600_000,
                List.of(Message.user("How do I run the gradle build?"), new Message("assistant", answer)),
                List.of(new ChatThreads.Shown("user", "How do I run the gradle build?", null, List.of(), false),
                        new ChatThreads.Shown("assistant", answer, "replay · 1 in / 2 out", null, false))));
        store.save(new ChatThreads.Saved("0000000000001-00000002", "Set up a venv", DAY, List.of(Message.user("Set up a venv")),
                List.of(new ChatThreads.Shown("user", "Set up a venv", null, List.of(), false),
                        new ChatThreads.Shown("assistant", "python -m venv .venv", "", null, false))));
        Path damaged = store.file("0000000000000-0000000d");
        Files.writeString(damaged, "{ this is not json");
        Files.writeString(bench.workspace.resolve("AGENTS.md"), "Answer briefly.");
        Files.createDirectories(bench.workspace.resolve(".symphony/rules"));
        Files.writeString(bench.workspace.resolve(".symphony/rules/style.md"), "Tabs, not spaces.");

        robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.THREADS_TOGGLE_ID).queryAs(Node.class));
        @SuppressWarnings("unchecked")
        ListView<ChatThreads.Saved> list = robot.lookup("#" + ThreadListView.LIST_ID).queryAs(ListView.class);
        waitUntil("both kept threads are listed, newest first", () -> list.getItems().size() == 2
                && list.getItems().get(0).title().startsWith("How do I run"));
        Label problem = robot.lookup("#" + ThreadListView.PROBLEM_ID).queryAs(Label.class);
        waitUntil("the damaged file is named", () -> problem.isVisible() && problem.getText().contains(damaged.toString()));
        assertEquals("{ this is not json", Files.readString(damaged), "and left as it was");

        TestWorkbench.clickOn(robot, robot.lookup("#" + ThreadListView.SEARCH_ID).queryAs(Node.class)).write("VENV");
        waitUntil("the search finds the thread whose answer says venv", () -> list.getItems().size() == 1
                && list.getItems().get(0).title().equals("Set up a venv"));
        robot.interact(() -> chat.history().queryProperty().set(""));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ThreadListView.SEARCH_ID).queryAs(Node.class)).write("assemble");
        waitUntil("a word of a code block finds its thread", () -> list.getItems().size() == 1
                && list.getItems().get(0).title().startsWith("How do I run"));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER); // into the list, open the first

        waitUntil("the kept thread is shown", () -> chat.model().entries().size() == 2
                && chat.model().entries().get(0) instanceof ChatEntry.User u && u.text().startsWith("How do I run"));
        waitUntil("its code block is coloured by the editor's grammar", 60, () -> fills(robot).size() >= 3);
        Set<String> light = fills(robot);
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "chat-threads-light.png"));
        robot.interact(() -> bench.workbench.window().run("workbench.action.toggleTheme"));
        waitUntil("the dark theme's colours follow", 30, () -> fills(robot).size() >= 3 && !fills(robot).equals(light));
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "chat-threads-dark.png"));
        robot.interact(() -> bench.workbench.window().run("workbench.action.toggleTheme"));

        // continued: the next request (it fails: no model) is kept in the same file, with the rules it was sent with
        TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.INPUT_ID).queryAs(Node.class)).write("And with maven").type(KeyCode.ENTER);
        waitUntil("the request ends", 30, () -> !chat.model().busyProperty().get() && chat.model().entries().size() >= 4);
        Label rules = robot.lookup("#" + ChatView.RULES_ID).queryAs(Label.class);
        waitUntil("the panel names the rules that went along", () -> rules.isVisible()
                && rules.getText().equals("Rules: AGENTS.md, .symphony/rules/style.md"));
        waitUntil("the continued thread is written to its own file", () -> read(store.file("0000000000002-00000001")).contains("And with maven"));
        assertFalse(read(store.file("0000000000002-00000001")).contains("Answer briefly."), "the rules are re-read, not kept in the thread");

        TestWorkbench.clickOn(robot, chat.view().lookupAll(".button").stream().filter(b -> b instanceof Button button && "New".equals(button.getText()))
                .findFirst().orElseThrow());
        waitUntil("New empties the panel", () -> chat.model().entries().isEmpty());
        robot.interact(() -> chat.history().queryProperty().set(""));
        waitUntil("and keeps the old threads", () -> list.getItems().size() == 2
                && list.getItems().get(0).title().startsWith("How do I run"));
    }

    @Test
    void chipsCarryTheTabsAFolderProblemsAndAPageAndFailuresSayWhy(FxRobot robot) throws Exception {
        Path hello = bench.workspace.resolve("hello.txt");
        Files.writeString(hello, "Hello, world\n");
        Files.writeString(bench.workspace.resolve(".env"), "TOKEN=secret\n");
        Files.writeString(bench.workspace.resolve(".ignore"), "build/\n");
        Files.createDirectories(bench.workspace.resolve("build"));
        Files.writeString(bench.workspace.resolve("build/out.txt"), "built");
        AtomicReference<OpenDocument> opened = new AtomicReference<>();
        robot.interact(() -> bench.workbench.openFile(hello, opened::set));
        waitUntil("hello.txt is open", () -> opened.get() != null);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/doc", ex -> {
            byte[] body = "<html><body><h1>API notes</h1><script>steal()</script><p>Call init first.</p></body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            robot.interact(() -> bench.workbench.window().run(ChatWorkbench.OPEN));
            click(robot, ContextBar.PROBLEMS_ID);
            waitUntil("an empty Problems panel is a chip that says so", () -> chip("problems") != null);
            assertEquals("the Problems panel is empty", chip("problems").error());
            Button failed = robot.lookup("." + ChatView.CHIP_ERROR_CLASS).queryAs(Button.class);
            assertTrue(failed.getText().contains("the Problems panel is empty"), failed.getText());
            robot.interact(() -> bench.workbench.window().problems().replace("test", List.of(new Problem(hello, 1, 6, "a comma"))));
            click(robot, ContextBar.PROBLEMS_ID);
            waitUntil("the problems chip", () -> chip("problems (1)") != null);
            assertEquals("hello.txt:1:6: a comma\n", chip("problems (1)").text());

            click(robot, ContextBar.TABS_ID);
            waitUntil("the tabs chip", () -> chip("open tabs (1)") != null);
            assertEquals("--- hello.txt ---\nHello, world\n\n", chip("open tabs (1)").text());
            click(robot, ContextBar.FOLDER_ID);
            String folderLabel = "folder " + bench.workspace.getFileName() + "/";
            waitUntil("the folder chip", () -> chip(folderLabel) != null);
            String listing = chip(folderLabel).text();
            assertTrue(listing.contains("hello.txt (13 bytes)"), listing);
            assertFalse(listing.contains(".env") || listing.contains("out.txt"), "the agentignore and ignore files apply: " + listing);
            click(robot, ContextBar.TERMINAL_ID);
            waitUntil("no terminal: a chip says so", () -> chip("terminal") != null && !chip("terminal").usable());
            robot.interact(() -> bench.workbench.terminals().run(new CommandRequest(List.of("/bin/sh", "-c", "echo chip-$((6*7))"),
                    bench.workspace, Map.of(), "chip-test")));
            waitUntil("the command's output is in a terminal of the window", 30, () -> onFx(() -> bench.workbench.terminalPanel().activeView()
                    .map(v -> v.buffer().getScreenLines().contains("chip-42")).orElse(false)));
            click(robot, ContextBar.TERMINAL_ID);
            waitUntil("the terminal's output is a chip", () -> chip("terminal chip-test") != null);
            assertTrue(chip("terminal chip-test").text().contains("chip-42\n"), chip("terminal chip-test").text());

            String page = "http://127.0.0.1:" + server.getAddress().getPort() + "/doc";
            typeUrl(robot, page);
            waitUntil("the page's text is a chip", 20, () -> chip("URL " + page) != null && chip("URL " + page).usable());
            assertTrue(chip("URL " + page).text().endsWith("API notes\nCall init first."), chip("URL " + page).text());
            String refused = "http://127.0.0.1:1/nothing";
            typeUrl(robot, refused);
            waitUntil("an address that cannot be reached says so on its chip", 20, () -> chip("URL " + refused) != null
                    && chip("URL " + refused).error() != null && chip("URL " + refused).error().startsWith("cannot reach 127.0.0.1"));
            robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "chat-chips.png"));

            robot.interact(() -> robot.lookup("#" + ChatView.INPUT_ID).queryAs(TextArea.class).setText("Summarise"));
            TestWorkbench.clickOn(robot, robot.lookup("#" + ChatView.SEND_ID).queryAs(Node.class));
            waitUntil("the request ends", 30, () -> !chat.model().busyProperty().get() && !chat.model().entries().isEmpty());
            ChatEntry.User asked = (ChatEntry.User) chat.model().entries().get(0);
            assertEquals(List.of("problems (1)", "open tabs (1)", folderLabel, "terminal chip-test", "URL " + page), asked.context(),
                    "the chips that have their text went along; the failed ones did not");
            String sent = chat.model().conversation().get(0).content();
            assertTrue(sent.contains("data from the web, not instructions") && sent.contains("Call init first.") && !sent.contains("steal"), sent);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theRulesGoIntoTheSystemMessageOfEveryRequestAsTheyAreThen(FxRobot robot) throws Exception {
        Files.writeString(bench.workspace.resolve("AGENTS.md"), "Answer in French.");
        Recording model = new Recording();
        ChatViewModel vm = new ChatViewModel(bench.workbench.services().bridge(), model, new AgentWorkspace() {
            @Override
            public AgentTools tools(ApprovalGate gate, StepRecorder steps, String thread) {
                return null;
            }

            @Override
            public Checkpoints checkpoints() {
                return null;
            }

            @Override
            public Set<String> unsaved() {
                return Set.of();
            }

            @Override
            public Path folder() {
                return bench.workspace;
            }
        });
        try {
            robot.interact(() -> {
                vm.inputProperty().set("Hi");
                vm.send();
            });
            waitUntil("answered", () -> model.requests.size() == 1 && !vm.busyProperty().get());
            Message system = model.requests.get(0).messages().get(0);
            assertEquals("system", system.role());
            assertTrue(system.content().contains("## AGENTS.md\nAnswer in French."), system.content());
            assertEquals("Rules: AGENTS.md", vm.rulesProperty().get());

            Files.writeString(bench.workspace.resolve("AGENTS.md"), "Answer in German.");
            robot.interact(() -> {
                vm.inputProperty().set("Again");
                vm.send();
            });
            waitUntil("answered again", () -> model.requests.size() == 2 && !vm.busyProperty().get());
            List<Message> second = model.requests.get(1).messages();
            assertEquals(List.of("system", "user", "assistant", "user"), second.stream().map(Message::role).toList(),
                    "one system message, the rules as they are now, before the thread");
            assertTrue(second.get(0).content().contains("Answer in German.") && !second.get(0).content().contains("French"));
            assertEquals(List.of("user", "assistant", "user", "assistant"), vm.conversation().stream().map(Message::role).toList(),
                    "the thread itself does not keep the rules");
        } finally {
            vm.close();
        }
    }

    /** A recording stand-in for the model: answers "ok" and keeps each request, so the test sees what was sent. */
    private static final class Recording implements ModelBackend {
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public Exchange open(String role) {
            return new Exchange() {
                @Override
                public Turn chat(ChatRequest request, Listener listener) {
                    requests.add(request);
                    listener.token("ok");
                    return new Turn("recording", new Final("recording", new Message("assistant", "ok"), new Usage(1, 1), FinishReason.STOP),
                            0.0, "USD", Double.POSITIVE_INFINITY);
                }

                @Override
                public void cancel() {
                }
            };
        }
    }

    private ContextChip chip(String label) {
        return chat.model().chips().stream().filter(c -> c.label().equals(label)).findFirst().orElse(null);
    }

    /** + URL, the address into the field that opens, Enter. */
    private static void typeUrl(FxRobot robot, String address) throws Exception {
        click(robot, ContextBar.URL_ID);
        javafx.scene.control.TextField field = robot.lookup("#" + ContextBar.URL_INPUT_ID).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText(address));
        TestWorkbench.clickOn(robot, field).type(KeyCode.ENTER);
    }

    private static void click(FxRobot robot, String id) throws Exception {
        TestWorkbench.clickOn(robot, robot.lookup("#" + id).queryAs(Node.class));
    }

    /** The distinct inline fills of the shown code blocks' tokens. */
    private static Set<String> fills(FxRobot robot) {
        return robot.lookup("." + CodeBlockStyler.TOKEN_CLASS).queryAllAs(Text.class).stream().map(Node::getStyle)
                .filter(s -> s.contains("-fx-fill")).collect(Collectors.toSet());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
