package dev.symphony.editor.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theTemporaryFileIsOwnerOnlyAndTheTargetKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("notes.txt");
        Files.writeString(target, "old\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicReference<Set<PosixFilePermission>> tmpPerms = new AtomicReference<>();
        AtomicWriter.write(target, out -> {
            try (Stream<Path> files = Files.list(dir)) {
                Path tmp = files.filter(f -> f.getFileName().toString().startsWith(".notes.txt.")).findFirst().orElseThrow();
                tmpPerms.set(Files.getPosixFilePermissions(tmp));
            }
            out.write("new\n".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals(PosixFilePermissions.fromString("rw-------"), tmpPerms.get(), "nobody else may read the half-written copy");
        assertEquals("new\n", Files.readString(target));
        assertEquals(PosixFilePermissions.fromString("rwxr-x---"), Files.getPosixFilePermissions(target));
        assertEquals(List.of("notes.txt"), names(dir), "no temporary file left behind");
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "keep me\n");
        assertThrows(IOException.class, () -> AtomicWriter.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("keep me\n", Files.readString(target));
        assertEquals(List.of("a.txt"), names(dir));
    }

    @Test
    void manyWritesInOneProcessEachGetAFreshTemporaryName(@TempDir Path dir) throws Exception {
        Path stale = AtomicWriter.createTemporary(dir, ".b.txt.");
        Path next = AtomicWriter.createTemporary(dir, ".b.txt.");
        assertEquals(2, names(dir).size(), stale + " and " + next);
        for (int i = 0; i < 20; i++) {
            String text = "round " + i + "\n";
            AtomicWriter.write(dir.resolve("b.txt"), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            assertEquals(text, Files.readString(dir.resolve("b.txt")));
        }
        assertEquals(3, names(dir).size(), "the two made above and b.txt: " + names(dir));
    }
}
