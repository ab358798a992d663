package dev.symphony.kernel.extensions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ClassDataSharingTest {

    @Test
    void onlyTheNewestArchivesAreKept(@TempDir Path cache) throws Exception {
        for (int i = 0; i < 6; i++) {
            Path a = Files.writeString(cache.resolve("host-" + Integer.toHexString(1000 + i) + ".jsa"), "x");
            Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Files.writeString(cache.resolve("notes.txt"), "not an archive");
        ClassDataSharing.pruneOldArchives(cache);
        List<String> left;
        try (Stream<Path> files = Files.list(cache)) {
            left = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("host-3eb.jsa", "host-3ec.jsa", "host-3ed.jsa", "notes.txt"), left);
    }

    @Test
    void prunedSharedArchivesTakeTheirLockAndFailureFilesAlong(@TempDir Path folder) throws Exception {
        for (int i = 0; i < 5; i++) {
            Path a = Files.writeString(folder.resolve("host-base-" + Integer.toHexString(1000 + i) + ".jsa"), "x");
            Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000L * (i + 1)));
            Files.writeString(folder.resolve(a.getFileName() + ".lock"), "");
        }
        Files.writeString(folder.resolve("host-base-3e8.jsa.failed"), "why");
        ClassDataSharing.pruneOldArchives(folder, "host-base-[0-9a-f]+\\.jsa");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("host-base-3ea.jsa", "host-base-3ea.jsa.lock", "host-base-3eb.jsa", "host-base-3eb.jsa.lock",
                    "host-base-3ec.jsa", "host-base-3ec.jsa.lock"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** Before, one folder was bound read-write into every sandbox and every later host mapped the archive found there. */
    @Test
    void eachExtensionHasItsOwnArchiveFolderAndWritesItsOwnArchive(@TempDir Path root) {
        Path a = ClassDataSharing.folder(root, "dev.example.a");
        Path b = ClassDataSharing.folder(root, "dev.example.b");
        assertNotEquals(a, b);
        assertTrue(a.startsWith(root) && !a.equals(root) && a.getParent().equals(root));
        String classpath = System.getProperty("java.class.path");
        String key = ClassDataSharing.key(classpath);
        assertTrue(ClassDataSharing.writes(ClassDataSharing.flags(a, key, java.util.Optional.empty())), "a's first host writes a's archive");
        assertTrue(ClassDataSharing.writes(ClassDataSharing.flags(b, key, java.util.Optional.empty())), "and b's first host b's own, in the same kernel");
        assertFalse(ClassDataSharing.writes(ClassDataSharing.flags(a, key, java.util.Optional.empty())), "one writer per folder at a time");
        List<String> sandbox = Sandbox.prefix(true, classpath, root.resolve("ext-a"), root.resolve("chan"), root.resolve("data"), a, List.of());
        assertTrue(sandbox.contains(a.toString()) && !sandbox.contains(root.toString()) && !sandbox.contains(b.toString()),
                "a's sandbox binds only a's archive folder: " + sandbox);
        assertThrows(IllegalArgumentException.class, () -> ClassDataSharing.folder(root, "../escape"));
    }
}
