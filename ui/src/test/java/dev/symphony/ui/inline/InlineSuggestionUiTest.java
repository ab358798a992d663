package dev.symphony.ui.inline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Inline suggestions in the real editor of the real workbench, by keys (headless): ghost text after a pause in typing,
 * Ctrl+Right takes a word, Tab the rest, Esc dismisses, typing on hides it. The suggestions come from a scripted
 * source answering on a background thread (this tests the controller and the view; the model side runs against a
 * real llama.cpp server in {@code symphony bench inline}).
 */
@ExtendWith(ApplicationExtension.class)
class InlineSuggestionUiTest {
    private TestWorkbench bench;
    private final List<String> prefixes = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "inline");
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        bench.close(robot);
    }

    private final InlineSuggestions.Source scripted = (context, answer, failed) -> {
        String prefix = context.text().substring(0, context.caret());
        prefixes.add(prefix);
        Thread t = new Thread(() -> answer.accept(prefix.endsWith("total") ? " = price * quantity;\nreturn total;" : ""), "scripted-model");
        t.setDaemon(true);
        t.start();
        return () -> { };
    };

    @Test
    void ghostTextIsShownAcceptedByWordAndWholeAndDismissed(FxRobot robot) throws Exception {
        Path file = bench.workspace.resolve("Order.java");
        Files.writeString(file, "class Order {\n    int total(int price, int quantity) {\n        int \n    }\n}\n");
        robot.interact(() -> bench.workbench.openFile(file, d -> { }));
        TestWorkbench.waitUntil("the editor is open", () -> bench.workbench.tabsView().activeEditor() != null);
        AtomicReference<EditorView> view = new AtomicReference<>();
        robot.interact(() -> {
            EditorView v = bench.workbench.tabsView().activeEditor().view();
            new InlineSuggestionController(v, scripted, javafx.application.Platform::runLater, 30);
            v.controller().goToLine(3, 13);
            v.requestFocus();
            view.set(v);
        });
        robot.write("total");
        TestWorkbench.waitUntil("the suggestion shows", () -> view.get().ghostText().equals(" = price * quantity;\nreturn total;"));
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "inline-suggestion.png"));

        robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);
        TestWorkbench.waitUntil("a word is taken", () -> line(view.get(), 2).equals("        int total ="));
        assertEquals(" price * quantity;\nreturn total;", view.get().ghostText(), "the rest stays shown");
        int asked = prefixes.size();

        robot.type(KeyCode.SPACE); // typing the suggestion's own next character keeps it and asks nothing
        assertEquals("price * quantity;\nreturn total;", view.get().ghostText());
        assertEquals(asked, prefixes.size(), "taking a word and typing the suggestion asked nothing");
        robot.type(KeyCode.TAB);
        TestWorkbench.waitUntil("the rest is inserted", () -> line(view.get(), 2).equals("        int total = price * quantity;"));
        assertEquals("return total;", line(view.get(), 3));
        assertEquals("", view.get().ghostText());

        // Esc dismisses; a later keystroke that is not the suggestion hides it too
        robot.interact(() -> view.get().controller().goToLine(4, 100));
        robot.type(KeyCode.ENTER);
        robot.write("int total");
        TestWorkbench.waitUntil("shown again", () -> !view.get().ghostText().isEmpty());
        robot.type(KeyCode.ESCAPE);
        assertEquals("", view.get().ghostText());
        robot.write("total");
        TestWorkbench.waitUntil("shown again", () -> !view.get().ghostText().isEmpty());
        robot.write("x");
        assertEquals("", view.get().ghostText(), "a keystroke that is not the suggestion hides it at once");
        assertTrue(prefixes.stream().allMatch(p -> p.startsWith("class Order {")), "the prefix is the text before the caret");
    }

    private static String line(EditorView v, int line) {
        var rope = v.buffer().text();
        return rope.substring(rope.lineStart(line), rope.lineEnd(line));
    }
}
