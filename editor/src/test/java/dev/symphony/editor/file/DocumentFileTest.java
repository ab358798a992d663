package dev.symphony.editor.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFileTest {

    @TempDir
    Path dir;

    @Test
    void externalChangesAreNeverSilentlyOverwritten() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "one\ntwo\nthree\n");
        DocumentFile.Opened opened = DocumentFile.open(f);
        DocumentFile doc = opened.file();
        Rope mine = opened.text().insert(0, "zero\n");
        Files.writeString(f, "one\n2\nthree\nfour\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertTrue(doc.changedOnDisk());
        ExternalChangeException e = assertThrows(ExternalChangeException.class, () -> doc.save(mine, false));
        assertTrue(e.getMessage().contains("changed on disk"), e.getMessage());
        assertEquals("one\n2\nthree\nfour\n", Files.readString(f), "nothing written");
        LineDiff diff = doc.diffWithDisk(mine);
        assertEquals(List.of(new LineDiff.Hunk(0, 1, 0, 0), new LineDiff.Hunk(2, 1, 1, 1), new LineDiff.Hunk(4, 0, 3, 1)), diff.hunks());
        assertEquals("one\n2\nthree\nfour\n", doc.reload().toString());
        assertFalse(doc.changedOnDisk());
        doc.save(mine, false);
        assertEquals("zero\none\ntwo\nthree\n", Files.readString(f));
        doc.save(Rope.of("x"), false);
        assertEquals("x", Files.readString(f), "our own saves update the fingerprint");
    }

    @Test
    void diffOfEqualAndOfVeryDifferentTexts() {
        assertTrue(LineDiff.of(Rope.of("a\nb\n"), Rope.of("a\nb\n")).isEmpty());
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        assertEquals(List.of(new LineDiff.Hunk(0, 5000, 0, 5000)), LineDiff.of(Rope.of(a), Rope.of(b)).hunks());
    }

    @Test
    void watcherReportsChangesToTrackedFilesOnly() throws Exception {
        Path f = dir.resolve("w.txt");
        Path other = dir.resolve("other.txt");
        Files.writeString(f, "v1");
        List<Path> seen = new ArrayList<>();
        try (ExternalChangeWatcher w = new ExternalChangeWatcher((p, known, now) -> seen.add(p))) {
            w.track(f, DiskFingerprint.of(f));
            Files.writeString(other, "not tracked");
            Files.writeString(f, "version two");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                w.doWork();
                Thread.sleep(20);
            }
            assertEquals(List.of(f.toAbsolutePath()), seen);
            Files.delete(f);
            assertEquals(1, w.checkAll(), "deletion is a change too");
        }
    }

    @Test
    void autosaveModes() {
        AutosavePolicy delay = new AutosavePolicy(AutosavePolicy.Mode.AFTER_DELAY, 1000);
        assertFalse(delay.dueAt(0));
        delay.onEdit(100);
        assertFalse(delay.dueAt(900));
        delay.onEdit(900);
        assertFalse(delay.dueAt(1500), "each edit restarts the delay");
        assertTrue(delay.dueAt(1900));
        delay.onSaved();
        assertFalse(delay.dueAt(5000));
        AutosavePolicy focus = new AutosavePolicy(AutosavePolicy.Mode.ON_FOCUS_CHANGE, 0);
        assertFalse(focus.onFocusLost());
        focus.onEdit(0);
        assertFalse(focus.dueAt(100_000));
        assertTrue(focus.onFocusLost());
        AutosavePolicy off = new AutosavePolicy(AutosavePolicy.Mode.OFF, 0);
        off.onEdit(0);
        assertFalse(off.dueAt(100_000) || off.onFocusLost());
    }
}
