package dev.symphony.ui.tabs;

import dev.symphony.editor.file.HotExitJournal;
import dev.symphony.editor.file.TextEncoding;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hot exit for the open documents: every unsaved edit goes to the editor core's write-ahead
 * {@link HotExitJournal} (one per dirty document, in {@code dir}), so a crash or a quit with unsaved
 * work loses nothing; the next start restores it. Journal I/O runs in order on one background thread
 * (the JavaFX thread only hands over immutable ropes); a document that is saved, closed without
 * saving, or undone back to its saved text has no journal. An untitled document's journal is named by the
 * document's own id, so the next start reopens it as the same tab ({@link UntitledDocuments}).
 */
final class HotExit implements AutoCloseable {
    private final Path dir;
    private final Consumer<String> onProblem;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hot-exit");
        t.setDaemon(true);
        return t;
    });
    private final Map<OpenDocument, HotExitJournal> journals = new HashMap<>(); // io thread only

    HotExit(Path dir, Consumer<String> onProblem) {
        this.dir = dir;
        this.onProblem = onProblem;
    }

    /** {@code before} became {@code after} ({@code change}, or null for undo/redo); {@code dirty} afterwards. */
    void changed(OpenDocument doc, Rope before, Rope after, ChangeSet change, boolean dirty) {
        // read on the JavaFX thread: Save As gives an untitled document its file
        boolean untitled = doc.file() == null;
        String untitledId = untitled ? doc.untitledId() : null; // its own id, kept across starts
        Path file = untitled ? null : doc.path();
        TextEncoding encoding = untitled ? TextEncoding.UTF_8 : doc.file().encoding();
        run(() -> {
            try {
                HotExitJournal j = journals.get(doc);
                if (!dirty) {
                    discardNow(doc);
                } else if (j == null) {
                    // the first unsaved change: the journal's base is the text as saved
                    j = HotExitJournal.start(dir, untitled ? untitledId : UUID.randomUUID().toString(), file, encoding, before);
                    journals.put(doc, j);
                    record(j, before, after, change);
                } else {
                    record(j, before, after, change);
                }
            } catch (IOException | RuntimeException e) {
                onProblem.accept("Unsaved changes to " + doc.path().getFileName() + " are not being journaled: " + e.getMessage());
            }
        });
    }

    private static void record(HotExitJournal j, Rope before, Rope after, ChangeSet change) throws IOException {
        if (change != null) {
            j.record(change, after);
        } else {
            j.recordReplace(before, after);
        }
    }

    /** Saved, or closed without saving: its journal goes. */
    void discard(OpenDocument doc) {
        run(() -> {
            try {
                discardNow(doc);
            } catch (IOException e) {
                onProblem.accept("Could not remove the journal of " + doc.path().getFileName() + ": " + e.getMessage());
            }
        });
    }

    private void discardNow(OpenDocument doc) throws IOException {
        HotExitJournal j = journals.remove(doc);
        if (j != null) {
            j.discard();
        }
    }

    /** The journals a crash or a quit left behind (read on the background thread). */
    CompletableFuture<List<HotExitJournal.Recovered>> leftBehind() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return HotExitJournal.recoverAll(dir);
            } catch (IOException | RuntimeException e) { // a damaged journal is reported, never the end of the others
                onProblem.accept("Could not read unsaved changes from " + dir + ": " + e.getMessage());
                return List.<HotExitJournal.Recovered>of();
            }
        }, io);
    }

    /** Once a restored document journals on its own, the journal it came from goes. */
    void forget(Path journal) {
        run(() -> {
            try {
                Files.deleteIfExists(journal);
            } catch (IOException e) {
                onProblem.accept("Could not remove " + journal + ": " + e.getMessage());
            }
        });
    }

    /** Syncs every journal to disk (journals of documents still dirty stay for the next start). */
    /** Runs {@code task} in order on the journal thread; after {@link #close} there is nothing left to journal. */
    private void run(Runnable task) {
        try {
            io.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the window has closed: what is unsaved is in the journals already
        }
    }

    @Override
    public void close() {
        if (io.isShutdown()) {
            return;
        }
        run(() -> journals.values().forEach(j -> {
            try {
                j.close();
            } catch (IOException ignored) {
                // records already reached the OS with every change
            }
        }));
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
