package dev.symphony.ui.search;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.editor.search.files.FileReplacer;
import dev.symphony.editor.text.ChangeSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Replaces every match in a set of files, one undo step per file, and undoes that step again.
 * A file open in a tab is edited in its own buffer (the editor's Undo reverts it too) and saved
 * by the tab; any other file is loaded into a buffer of its own here, edited and saved atomically
 * in its encoding and line endings. {@link #undo} reverts each file whose text is still what the
 * replace left; a file changed since is reported, never overwritten.
 */
final class ReplaceAcrossFiles {

    /** One replaced file: its buffer (open in a tab when {@code file} is null) and the revision the replace made. */
    private record Step(Path path, Buffer buffer, DocumentFile file, long revision, int replacements) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int replacements;

    /** Files saved at once: each save waits for its fsyncs, which the disk can overlap. */
    static final int SAVERS = 8;

    /**
     * Files not open in a tab (blocking I/O: call off the JavaFX thread), {@link #SAVERS} at a time: most
     * of a file's time is its atomic save's two fsyncs, which overlap on the disk.
     */
    synchronized void replaceClosed(List<Path> files, FileReplacer replacer) {
        Object[] outcome = new Object[files.size()];
        inParallel(files.size(), i -> outcome[i] = replaceOne(files.get(i), replacer));
        for (int i = 0; i < outcome.length; i++) {
            if (outcome[i] instanceof Step step) {
                steps.add(step);
                replacements += step.replacements();
            } else if (outcome[i] instanceof String problem) {
                problems.add(problem);
            }
        }
    }

    /** The step, a problem ("path: why"), or null when the file has no match. */
    private static Object replaceOne(Path path, FileReplacer replacer) {
        try {
            DocumentFile.Opened opened = DocumentFile.open(path);
            Buffer buffer = new Buffer(opened.text(), System::currentTimeMillis);
            ChangeSet change = replacer.changes(buffer.text());
            if (change.isEmpty()) {
                return null;
            }
            buffer.edit(change, EditKind.COMMAND);
            buffer.closeGroup();
            opened.file().save(buffer.text(), false);
            return new Step(path, buffer, opened.file(), buffer.revision(), change.edits().size());
        } catch (IOException | RuntimeException e) {
            return path + ": " + e.getMessage();
        }
    }

    /** Runs {@code body} for 0..n-1 on up to {@link #SAVERS} threads and waits for all of them. */
    private static void inParallel(int n, IntConsumer body) {
        if (n <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                body.accept(i);
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Math.min(SAVERS, n); t++) {
            Thread thread = new Thread(worker, "replace-across-files-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the files being saved are finished, not abandoned half-way
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Files open in a tab (on the JavaFX thread: their buffers belong to the views). */
    synchronized void replaceOpen(List<Path> files, FileReplacer replacer, OpenDocuments open) {
        for (Path path : files) {
            Buffer buffer = open.bufferOf(path).orElse(null);
            if (buffer == null) {
                continue;
            }
            ChangeSet change = replacer.changes(buffer.text());
            if (change.isEmpty()) {
                continue;
            }
            buffer.closeGroup();
            buffer.edit(change, EditKind.COMMAND);
            buffer.closeGroup();
            open.save(path);
            replacements += change.edits().size();
            steps.add(new Step(path, buffer, null, buffer.revision(), change.edits().size()));
        }
    }

    /** Undoes the step of each file not open in a tab (blocking I/O: off the JavaFX thread); returns what failed, with why. */
    synchronized List<String> undoClosed() {
        return undo(false, null);
    }

    /** Undoes the step of each file open in a tab (on the JavaFX thread). */
    synchronized List<String> undoOpen(OpenDocuments open) {
        return undo(true, open);
    }

    private List<String> undo(boolean inTabs, OpenDocuments open) {
        List<String> failed = new ArrayList<>();
        for (java.util.Iterator<Step> it = steps.iterator(); it.hasNext(); ) {
            Step step = it.next();
            if ((step.file() == null) != inTabs) {
                continue;
            }
            it.remove();
            if (step.buffer().revision() != step.revision()) {
                failed.add(step.path() + ": edited since the replace; use Undo in its editor");
                continue;
            }
            try {
                step.buffer().undo();
                if (inTabs) {
                    open.save(step.path());
                } else {
                    step.file().save(step.buffer().text(), false); // refuses if changed on disk since
                }
            } catch (IOException e) {
                step.buffer().redo();
                failed.add(step.path() + ": " + e.getMessage());
            }
        }
        return failed;
    }

    int files() {
        return steps.size();
    }

    int replacements() {
        return replacements;
    }

    List<String> problems() {
        return problems;
    }
}
