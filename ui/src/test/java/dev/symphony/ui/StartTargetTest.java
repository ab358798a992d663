package dev.symphony.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartTargetTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private Optional<StartTarget> parse(String... args) {
        return StartTarget.parse(args, new PrintStream(errors, true));
    }

    @Test
    void filesOpenWithTheFirstOnesFolder() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("src"));
        Path a = Files.writeString(sub.resolve("A.java"), "");
        Path b = Files.writeString(dir.resolve("b.txt"), "");
        StartTarget t = parse(a.toString(), b.toString()).orElseThrow();
        assertEquals(sub, t.folder());
        assertEquals(List.of(a, b), t.files());
    }

    @Test
    void aFolderBesideFilesIsTheWorkspace() throws Exception {
        Path a = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("A.java"), "");
        StartTarget t = parse(dir.toString(), a.toString()).orElseThrow();
        assertEquals(dir, t.folder());
        assertEquals(List.of(a), t.files());
        assertEquals(new StartTarget(null, List.of()), parse().orElseThrow());
    }

    @Test
    void aMissingPathOrTwoFoldersAreRefusedWithTheReason() throws Exception {
        assertTrue(parse(dir.resolve("nope.txt").toString()).isEmpty());
        assertTrue(errors.toString().contains("nope.txt: no such file or folder"), errors.toString());
        Path other = Files.createDirectories(dir.resolve("other"));
        assertTrue(parse(dir.toString(), other.toString()).isEmpty());
        assertTrue(errors.toString().contains("one folder at a time"), errors.toString());
    }
}
