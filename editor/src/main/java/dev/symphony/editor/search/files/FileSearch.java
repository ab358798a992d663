package dev.symphony.editor.search.files;

import dev.symphony.editor.workspace.WorkspaceWalker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A search across the files below a folder: one thread walks ({@link WorkspaceWalker}) and queues
 * files, {@link FileSearchOptions#threads()} workers search them ({@link FileScanner}) and hand each
 * file's matches to the listener as soon as that file is done. Start with {@link #start}; the
 * returned run can be cancelled (the walk and the workers stop within one file or chunk).
 */
public final class FileSearch {

    private static final Task END = new Task(null, null, 0);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private record Task(Path file, String relative, long size) {
    }

    private final Path root;
    private final FileSearchOptions options;
    private final SearchListener listener;
    private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(1024);
    private final CompletableFuture<SearchSummary> done = new CompletableFuture<>();
    private final AtomicLong searched = new AtomicLong();
    private final AtomicLong matchedFiles = new AtomicLong();
    private final AtomicLong matches = new AtomicLong();
    private final AtomicLong binary = new AtomicLong();
    private final AtomicLong large = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong firstResult = new AtomicLong(-1);
    private final AtomicInteger workersLeft;
    private volatile boolean cancelled;
    private volatile boolean limitHit;
    private final long startNanos = System.nanoTime();

    private FileSearch(Path root, FileSearchOptions options, SearchListener listener) {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        this.listener = listener;
        this.workersLeft = new AtomicInteger(options.threads());
    }

    /**
     * Starts searching {@code root} on new daemon threads and returns at once.
     *
     * @throws java.util.regex.PatternSyntaxException for an invalid regex (before any thread starts)
     */
    public static FileSearch start(Path root, FileSearchOptions options, SearchListener listener) {
        new FileScanner(options.query()); // compiles the pattern: a syntax error is the caller's, now
        FileSearch search = new FileSearch(root, options, listener);
        int run = RUNS.incrementAndGet();
        for (int i = 0; i < options.threads(); i++) {
            Thread worker = new Thread(search::work, "search-" + run + "-worker-" + i);
            worker.setDaemon(true);
            worker.start();
        }
        Thread walker = new Thread(search::walk, "search-" + run + "-walk");
        walker.setDaemon(true);
        walker.start();
        return search;
    }

    /** Stops the search; {@link #summary()} completes soon after with {@code cancelled} set. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Completes when the search has ended (normally, by cancel, or at the match limit). */
    public CompletableFuture<SearchSummary> summary() {
        return done;
    }

    private boolean stopped() {
        return cancelled || limitHit;
    }

    private void walk() {
        try {
            new WorkspaceWalker(root, options.walk()).walk(this::stopped, new WorkspaceWalker.Visitor() {
                @Override
                public void file(Path file, String relative, long size) {
                    if (size > options.maxFileSize()) {
                        large.incrementAndGet();
                        listener.onSkipped(new SkippedFile(file, relative, SkippedFile.Reason.TOO_LARGE,
                                size + " bytes, above the limit of " + options.maxFileSize()));
                        return;
                    }
                    put(new Task(file, relative, size));
                }

                @Override
                public void error(Path path, IOException e) {
                    unreadable.incrementAndGet();
                    listener.onSkipped(new SkippedFile(path, root.relativize(path.toAbsolutePath()).toString(),
                            SkippedFile.Reason.UNREADABLE, String.valueOf(e.getMessage())));
                }
            });
        } catch (IOException | RuntimeException e) {
            unreadable.incrementAndGet();
            listener.onSkipped(new SkippedFile(root, "", SkippedFile.Reason.UNREADABLE, String.valueOf(e.getMessage())));
        } finally {
            for (int i = 0; i < options.threads(); i++) {
                put(END);
            }
        }
    }

    private void put(Task task) {
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        }
    }

    private void work() {
        FileScanner scanner = new FileScanner(options.query());
        try {
            while (true) {
                Task task = queue.take();
                if (task == END) {
                    break;
                }
                if (!stopped()) {
                    searchOne(scanner, task);
                }
            }
        } catch (InterruptedException e) {
            cancelled = true;
        } finally {
            if (workersLeft.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    private void searchOne(FileScanner scanner, Task task) {
        List<LineMatch> lines;
        try {
            lines = scanner.scan(task.file(), task.size());
        } catch (IOException | RuntimeException e) {
            unreadable.incrementAndGet();
            listener.onSkipped(new SkippedFile(task.file(), task.relative(), SkippedFile.Reason.UNREADABLE, String.valueOf(e)));
            return;
        }
        if (lines == null) {
            binary.incrementAndGet();
            listener.onSkipped(new SkippedFile(task.file(), task.relative(), scanner.skipped, "holds a NUL byte"));
            return;
        }
        searched.incrementAndGet();
        if (lines.isEmpty() || stopped()) {
            return;
        }
        int count = 0;
        for (LineMatch line : lines) {
            count += line.count();
        }
        long total = matches.addAndGet(count);
        if (options.maxMatches() > 0 && total >= options.maxMatches()) {
            limitHit = true;
        }
        matchedFiles.incrementAndGet();
        firstResult.compareAndSet(-1, System.nanoTime() - startNanos);
        listener.onFile(new FileMatches(task.file(), task.relative(), List.copyOf(lines), count));
    }

    private void finish() {
        SearchSummary summary = new SearchSummary(searched.get(), matchedFiles.get(), matches.get(), binary.get(),
                large.get(), unreadable.get(), cancelled, limitHit, System.nanoTime() - startNanos, firstResult.get());
        try {
            listener.onDone(summary);
        } finally {
            done.complete(summary);
        }
    }
}
