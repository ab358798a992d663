package dev.symphony.editor.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotExitJournalTest {

    @TempDir
    Path dir;

    /** Wires a journal to a buffer the way the workbench does. */
    private static HotExitJournal attach(Buffer b, Path journals, Path file) throws IOException {
        HotExitJournal j = HotExitJournal.start(journals, "doc-1", file, TextEncoding.UTF_8, b.text());
        b.addListener((before, after, change) -> {
            try {
                if (change != null) {
                    j.record(change, after);
                } else {
                    j.recordReplace(before, after);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return j;
    }

    @Test
    void unsavedEditsUndoAndRedoSurviveACrash() {
        Seeds.run("hot exit", r -> {
            try {
                Path journals = dir.resolve("journals-" + r.nextInt(1_000_000));
                Buffer b = new Buffer(Rope.of("hello\nworld\n"), () -> 0L);
                HotExitJournal j = attach(b, journals, null);
                for (int i = 0; i < 200; i++) {
                    int op = r.nextInt(6);
                    if (op == 0) {
                        b.undo();
                    } else if (op == 1) {
                        b.redo();
                    } else {
                        int from = r.nextInt(b.text().length() + 1);
                        int to = Math.min(b.text().length(), from + r.nextInt(3));
                        b.edit(ChangeSet.of(new TextEdit(from, to, Seeds.text(r, 4))), EditKind.COMMAND);
                    }
                }
                // "Crash": the process never closed the journal.
                List<HotExitJournal.Recovered> found = HotExitJournal.recoverAll(journals);
                assertEquals(1, found.size());
                assertNull(found.get(0).problem());
                assertEquals(b.text().toString(), found.get(0).text().toString());
                j.discard();
                assertTrue(HotExitJournal.recoverAll(journals).isEmpty(), "a save discards the journal");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void aTornLastRecordIsIgnored() throws IOException {
        Buffer b = new Buffer(Rope.of("abc"), () -> 0L);
        attach(b, dir, null);
        b.edit(ChangeSet.of(TextEdit.insert(3, "d")), EditKind.COMMAND);
        b.edit(ChangeSet.of(TextEdit.insert(4, "e")), EditKind.COMMAND);
        Path journal = dir.resolve("doc-1.journal");
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3);
        }
        assertEquals("abcd", HotExitJournal.recoverAll(dir).get(0).text().toString());
    }

    @Test
    void largeFilesJournalAgainstTheFileAndRefuseWhenItChanged() throws IOException {
        Path f = dir.resolve("big.txt");
        Files.writeString(f, "x".repeat(HotExitJournal.SNAPSHOT_LIMIT + 10));
        Rope text = new TextDecoder().load(f).text();
        Path journals = dir.resolve("j");
        Buffer b = new Buffer(text, () -> 0L);
        attach(b, journals, f);
        b.edit(ChangeSet.of(TextEdit.insert(0, "START")), EditKind.COMMAND);
        assertTrue(Files.size(journals.resolve("doc-1.journal")) < 1000, "no snapshot of a large file");
        HotExitJournal.Recovered rec = HotExitJournal.recoverAll(journals).get(0);
        assertEquals("STARTxxx", rec.text().substring(0, 8));
        Files.writeString(f, "changed");
        rec = HotExitJournal.recoverAll(journals).get(0);
        assertNotNull(rec.problem());
        assertTrue(Files.exists(journals.resolve("doc-1.journal")), "kept for the user");
    }
}
