package dev.symphony.ui.search;

import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.files.FileMatches;
import dev.symphony.editor.search.files.FileReplacer;
import dev.symphony.editor.search.files.FileSearch;
import dev.symphony.editor.search.files.FileSearchOptions;
import dev.symphony.editor.search.files.SearchListener;
import dev.symphony.editor.search.files.SearchSummary;
import dev.symphony.editor.search.files.SkippedFile;
import dev.symphony.editor.workspace.WalkOptions;
import dev.symphony.ui.FxBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Search view's state: the query and its options, the files with matches as they stream in
 * (batched into one JavaFX pulse at a time), notes for skipped files, and the commands: search,
 * cancel, replace all (one undo step per file), undo replace.
 */
public final class SearchViewModel {

    /** The Search view shows at most this many matches (the search stops there and says so). */
    static final int MAX_MATCHES = 20_000;

    private final FxBridge bridge;
    private final Supplier<Path> root;
    private final Supplier<List<String>> filesExclude;
    private final OpenDocuments openDocuments;
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty replacement = new SimpleStringProperty("");
    private final StringProperty include = new SimpleStringProperty("");
    private final StringProperty exclude = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty(false);
    private final BooleanProperty matchCase = new SimpleBooleanProperty(false);
    private final BooleanProperty wholeWord = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty canUndoReplace = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<FileMatches> results = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private FileSearch current;
    private Streamer streamer;
    private SearchQuery currentQuery;
    private ReplaceAcrossFiles lastReplace;

    public SearchViewModel(FxBridge bridge, Supplier<Path> root, Supplier<List<String>> filesExclude,
            OpenDocuments openDocuments) {
        this.bridge = bridge;
        this.root = root;
        this.filesExclude = filesExclude;
        this.openDocuments = openDocuments;
    }

    /** Starts a search with the current query (cancelling one that runs); results arrive on the JavaFX thread. */
    public void search() {
        if (streamer != null) {
            streamer.stale = true; // a newer search replaces its results
        }
        cancel();
        running.set(false);
        results.clear();
        notes.clear();
        Path folder = root.get();
        if (folder == null || query.get().isEmpty()) {
            status.set(folder == null ? "Open a folder to search in it." : "");
            return;
        }
        SearchQuery q = new SearchQuery(query.get(), regex.get(), matchCase.get(), wholeWord.get());
        FileSearchOptions options;
        try {
            q.compile();
            List<String> globs = new ArrayList<>(split(include.get()));
            split(exclude.get()).forEach(g -> globs.add("!" + g));
            options = FileSearchOptions.of(q).withMaxMatches(MAX_MATCHES)
                    .withWalk(WalkOptions.defaults().withGlobs(globs).withExtraExcludes(filesExclude.get()));
        } catch (PatternSyntaxException e) {
            status.set("Invalid regex: " + e.getDescription() + " near index " + e.getIndex());
            return;
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        currentQuery = q;
        running.set(true);
        status.set("Searching…");
        streamer = new Streamer();
        current = FileSearch.start(folder, options, streamer);
    }

    /** Stops the running search; what was found so far stays. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    /** What Replace All would make of one matching line (the preview), or null when there is no replacement. */
    public String preview(String lineText) {
        if (currentQuery == null) {
            return null;
        }
        try {
            return new FileReplacer(currentQuery, replacement.get()).replaceInLine(lineText);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Replaces every match in every file of the results, one undo step per file: files open in a
     * tab in their buffers (now), the others off the JavaFX thread; the results clear when done.
     */
    public void replaceAll() {
        if (currentQuery == null || results.isEmpty() || running.get()) {
            return;
        }
        FileReplacer replacer;
        try {
            replacer = new FileReplacer(currentQuery, replacement.get());
        } catch (IllegalArgumentException e) {
            status.set("Invalid replacement: " + e.getMessage());
            return;
        }
        List<Path> inTabs = new ArrayList<>();
        List<Path> closed = new ArrayList<>();
        for (FileMatches f : results) {
            (openDocuments.bufferOf(f.path()).isPresent() ? inTabs : closed).add(f.path());
        }
        ReplaceAcrossFiles replace = new ReplaceAcrossFiles();
        replace.replaceOpen(inTabs, replacer, openDocuments);
        running.set(true);
        status.set("Replacing in " + (inTabs.size() + closed.size()) + " files…");
        bridge.compute(() -> {
            replace.replaceClosed(closed, replacer);
            return replace;
        }, done -> {
            running.set(false);
            lastReplace = done;
            canUndoReplace.set(done.files() > 0);
            results.clear();
            notes.setAll(done.problems());
            status.set("Replaced " + done.replacements() + " matches in " + done.files() + " files"
                    + (done.problems().isEmpty() ? "" : "; " + done.problems().size() + " files failed (see notes)"));
        }, e -> {
            running.set(false);
            status.set("Replace failed: " + e.getMessage());
        });
    }

    /** Undoes the last Replace All, file by file. */
    public void undoReplace() {
        ReplaceAcrossFiles replace = lastReplace;
        if (replace == null) {
            return;
        }
        lastReplace = null;
        canUndoReplace.set(false);
        List<String> failed = new ArrayList<>(replace.undoOpen(openDocuments));
        running.set(true);
        bridge.compute(replace::undoClosed, more -> {
            running.set(false);
            failed.addAll(more);
            notes.setAll(failed);
            status.set(failed.isEmpty() ? "Replace undone" : "Replace undone except in " + failed.size() + " files (see notes)");
        }, e -> {
            running.set(false);
            status.set("Undo failed: " + e.getMessage());
        });
    }

    private static List<String> split(String globs) {
        return Arrays.stream(globs.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Batches results from the worker threads into one JavaFX update at a time. */
    private final class Streamer implements SearchListener {
        private final ConcurrentLinkedQueue<FileMatches> pending = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> pendingNotes = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean stale;

        @Override
        public void onFile(FileMatches matches) {
            pending.add(matches);
            schedule();
        }

        @Override
        public void onSkipped(SkippedFile skipped) {
            pendingNotes.add(switch (skipped.reason()) {
                case BINARY -> "Skipped binary file " + skipped.relative();
                case TOO_LARGE -> "Skipped " + skipped.relative() + ": " + skipped.detail();
                case UNREADABLE -> "Could not read " + skipped.relative() + ": " + skipped.detail();
            });
            schedule();
        }

        @Override
        public void onDone(SearchSummary summary) {
            bridge.onFx(() -> {
                if (stale) {
                    return;
                }
                drain();
                running.set(false);
                current = null;
                status.set(summary.matches() + " results in " + summary.filesMatched() + " files"
                        + (summary.cancelled() ? " (cancelled)" : "")
                        + (summary.limitHit() ? " (stopped at " + MAX_MATCHES + "; refine the search)" : ""));
            });
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                bridge.later(this::drain);
            }
        }

        private void drain() {
            scheduled.set(false);
            if (stale) {
                return;
            }
            List<FileMatches> batch = new ArrayList<>();
            for (FileMatches m; (m = pending.poll()) != null; ) {
                batch.add(m);
            }
            results.addAll(batch);
            List<String> n = new ArrayList<>();
            for (String s; (s = pendingNotes.poll()) != null; ) {
                n.add(s);
            }
            notes.addAll(n);
        }
    }

    public StringProperty queryProperty() { return query; }
    public StringProperty replacementProperty() { return replacement; }
    public StringProperty includeProperty() { return include; }
    public StringProperty excludeProperty() { return exclude; }
    public BooleanProperty regexProperty() { return regex; }
    public BooleanProperty matchCaseProperty() { return matchCase; }
    public BooleanProperty wholeWordProperty() { return wholeWord; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty canUndoReplaceProperty() { return canUndoReplace; }
    public StringProperty statusProperty() { return status; }
    public ObservableList<FileMatches> results() { return results; }
    public ObservableList<String> notes() { return notes; }
}
