package dev.symphony.ui.terminal;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import dev.symphony.ui.shell.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the terminal UI tests share: waiting, typing, reading the screen, a scripted prompter. */
final class TerminalTestSupport {
    /** A shell that reads no start-up files and shows a fixed prompt, so the screen is predictable. */
    static final String SETTINGS = """
            {
              "terminal.integrated.shell": "/bin/bash",
              "terminal.integrated.shellArgs": ["--norc", "--noprofile"],
              "terminal.integrated.env": ["PS1=$ ", "HISTFILE=/dev/null"]
            }
            """;

    private TerminalTestSupport() {}

    static void waitUntil(String what, Supplier<Boolean> condition) throws TimeoutException {
        waitUntil(what, condition, () -> "");
    }

    /** Waits; on time-out the message adds what {@code state} says (e.g. the screen). */
    static void waitUntil(String what, Supplier<Boolean> condition, Supplier<String> state) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> condition.get());
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting until " + what + " " + state.get());
        }
    }

    /** Types a line into the focused terminal, as a person would, and presses Enter. */
    static void typeLine(FxRobot robot, String line) {
        robot.write(line, 0);
        robot.type(KeyCode.ENTER);
    }

    /** The screen's lines, trailing blanks removed. */
    static List<String> screen(TerminalTextBuffer buffer) {
        List<String> lines = new ArrayList<>();
        buffer.lock();
        try {
            for (int row = 0; row < buffer.getHeight(); row++) {
                lines.add(buffer.getLine(row).getText().stripTrailing());
            }
        } finally {
            buffer.unlock();
        }
        return lines;
    }

    /** The row of the first screen line that starts with {@code prefix}. */
    static Optional<Integer> rowStartingWith(TerminalTextBuffer buffer, String prefix) {
        List<String> lines = screen(buffer);
        for (int row = 0; row < lines.size(); row++) {
            if (lines.get(row).startsWith(prefix)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Answers confirmations as the test says, and remembers what was asked. */
    static final class ScriptedPrompter implements Prompter {
        final List<String> questions = new ArrayList<>();
        volatile boolean answer;

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            questions.add(message);
            return answer;
        }

        @Override
        public dev.symphony.ui.shell.SaveChoice askToSave(String title, String message, String saveLabel) {
            questions.add(message);
            return answer ? dev.symphony.ui.shell.SaveChoice.DONT_SAVE : dev.symphony.ui.shell.SaveChoice.CANCEL;
        }

        @Override
        public Optional<String> ask(String title, String prompt, String initialValue) {
            return Optional.empty();
        }

        @Override
        public Optional<String> choose(String title, String prompt, java.util.List<String> choices) {
            return Optional.empty();
        }

        @Override
        public void showError(String title, String message) {
            questions.add("error: " + message);
        }
    }
}
