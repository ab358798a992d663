package dev.symphony.ui.terminal.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The process side and the command API stay free of JavaFX, so a future headless host can use them. */
class TerminalPackageTest {
    @Test
    void thePtyPackageDoesNotUseJavaFx() throws Exception {
        Path folder = Path.of("src/main/java/dev/symphony/ui/terminal/pty");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> offenders = files.filter(f -> {
                try {
                    return Files.readString(f).contains("import javafx.");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void settingsEntriesAddAndRemoveVariables() {
        var env = ShellSettings.environment(java.util.Map.of("HOME", "/h", "GONE", "x"), List.of("A=1", "GONE=", "B=x=y", "broken"));
        assertEquals("1", env.get("A"));
        assertEquals("x=y", env.get("B"));
        assertEquals("xterm-256color", env.get("TERM"));
        assertEquals("truecolor", env.get("COLORTERM"));
        assertEquals(false, env.containsKey("GONE"));
        assertEquals(false, env.containsKey("broken"));
    }
}
