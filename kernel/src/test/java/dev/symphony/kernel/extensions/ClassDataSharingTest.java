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
}
