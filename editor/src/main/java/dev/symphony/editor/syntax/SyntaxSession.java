package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.grammar.StackElement;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Incremental highlighting of one document. Every public method is cheap and returns at once; the
 * tokenizing runs on the {@code worker} executor in slices of a few milliseconds, viewport first, then
 * onwards from the first line whose state is unknown. After an edit only
 * the changed lines and their successors are re-tokenized, until a line's end state equals the one it
 * had before the edit (the rest is valid again); the exact pass stops 20,000 lines past the viewport and
 * resumes when the viewport moves on. Results computed for an older revision are discarded
 * when they come back, never shown.
 *
 * <p>Lines far below the tokenized frontier (a jump to the end of a 100 MB file) get <em>provisional</em>
 * styles, tokenized from the grammar's initial state a few lines above the viewport; they are replaced
 * (and {@link Listener#stylesReady} called again) when the exact pass reaches them.
 *
 * <p>Threads: any thread may call the methods (they synchronize on the session); the listener is called on
 * the worker thread, never while the session's lock is held.
 */
public final class SyntaxSession implements AutoCloseable {

    /** Told (on the worker thread) that {@link #styles} is ready for these lines of the current revision. */
    @FunctionalInterface
    public interface Listener {
        void stylesReady(int fromLine, int toLineInclusive);
    }

    /** Totals since {@link #open}: lines tokenized (including discarded, stale work) and CPU-ish time spent. */
    public record Stats(long linesTokenized, long tokenizeNanos, long discardedBatches) {
        public double linesPerSecond() {
            return tokenizeNanos == 0 ? 0 : linesTokenized * 1e9 / tokenizeNanos;
        }
    }

    private final Language language;
    private final Executor worker;
    private final Listener listener;
    private final SessionState state;
    private Theme theme;
    private LineTokenizer tokenizer;
    private boolean scheduled;
    private boolean closed;
    private long linesTokenized;
    private long tokenizeNanos;
    private long discarded;
    private long failures;
    private Throwable lastFailure;

    private SyntaxSession(Language language, Theme theme, Rope text, Executor worker, Listener listener) {
        this.language = Objects.requireNonNull(language, "language");
        this.theme = Objects.requireNonNull(theme, "theme");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.state = new SessionState(text);
    }

    /** Starts highlighting {@code text}; the grammar loads on the worker, not on the caller's thread. */
    public static SyntaxSession open(Language lang, Theme theme, Rope text, Executor worker, Listener listener) {
        SyntaxSession s = new SyntaxSession(lang, theme, text, worker, listener);
        s.kick();
        return s;
    }

    /**
     * Loads {@code lang}'s grammar for {@code theme} and tokenizes one line, on the calling thread. A cold
     * JVM spends ~0.3-0.6 s there (class loading, the grammar's regexes); the UI calls this on a background
     * thread at startup for the languages it expects (Java, the default themes) so opening a file does not.
     */
    public static void preload(Language lang, Theme theme) {
        new LineTokenizer(lang, theme).tokenize("class A { int x = 1; /* c */ String s = \"s\"; }", null);
    }

    public Language language() {
        return language;
    }

    /**
     * A new revision: lines {@code [firstChangedLine, oldLastChangedLine]} of the previous text became lines
     * {@code [firstChangedLine, newLastChangedLine]} of {@code newText}; lines after them are unchanged.
     */
    public void update(Rope newText, int firstChangedLine, int oldLastChangedLine, int newLastChangedLine) {
        synchronized (this) {
            state.update(newText, firstChangedLine, oldLastChangedLine, newLastChangedLine);
        }
        kick();
    }

    /**
     * A new revision from the core's change ({@code BufferListener.onTextChanged}); {@code change} null
     * (undo, redo, history jumps) re-highlights from the first line that differs.
     */
    public void update(Rope before, Rope after, ChangeSet change) {
        if (change == null || change.isEmpty()) {
            int[] d = RopeDiff.changedLines(before, after);
            update(after, d[0], d[1], d[2]);
            return;
        }
        List<TextEdit> edits = change.edits();
        int first = before.lineOf(edits.get(0).from());
        int oldLast = before.lineOf(edits.get(edits.size() - 1).to());
        int newLast = after.lineOf(change.map(edits.get(edits.size() - 1).to(), true));
        update(after, first, oldLast, newLast);
    }

    /** The visible lines (inclusive); they are tokenized first and their styles are kept. */
    public void setViewport(int firstLine, int lastLine) {
        synchronized (this) {
            state.setViewport(firstLine, lastLine);
        }
        kick();
    }

    /** Restyles everything with {@code t} (style ids change: wait for {@link Listener#stylesReady}). */
    public void setTheme(Theme t) {
        synchronized (this) {
            theme = Objects.requireNonNull(t, "theme");
            tokenizer = null;
            state.invalidateAll();
        }
        kick();
    }

    public synchronized Theme theme() {
        return theme;
    }

    /** Styles of {@code line} for the current revision and theme, or null if not ready (or out of range). */
    public synchronized LineStyles styles(int line) {
        return state.styles(line);
    }

    /** True when every line's end state is known for the current revision. */
    public synchronized boolean fullyTokenized() {
        return state.validUpTo() >= state.lineCount();
    }

    /** Lines {@code [0, n)} have exact end states for the current revision (the exact pass's frontier). */
    public synchronized int exactUpTo() {
        return state.validUpTo();
    }

    /** The grammar state after {@code line} when it is exact for the current revision (tests), else null. */
    synchronized StackElement exactEndState(int line) {
        return state.exactEndState(line);
    }

    /** True while some viewport line has no styles for the current revision (work is queued for it). */
    public synchronized boolean hasPendingViewport() {
        return state.hasWork() && state.validUpTo() >= state.lineCount();
    }

    /** True when the worker has nothing left to do (it stops {@code SessionState.AHEAD} lines past the viewport). */
    public synchronized boolean idle() {
        return !state.hasWork();
    }

    public synchronized Stats stats() {
        return new Stats(linesTokenized, tokenizeNanos, discarded);
    }

    /** The last exception the worker hit (the session then waits for the next call), or null. */
    public synchronized Throwable lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
    }

    private void kick() {
        boolean submit;
        synchronized (this) {
            submit = !closed && !scheduled && state.hasWork();
            scheduled |= submit;
        }
        if (submit) {
            worker.execute(this::pump);
        }
    }

    /** One slice of work (~8 ms) on the worker; resubmits itself while work remains, so sessions share the executor. */
    private void pump() {
        try {
            pumpSlice();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                scheduled = false;
                failures++;
                lastFailure = e;
            }
            throw e;
        }
    }

    private void pumpSlice() {
        long until = System.nanoTime() + 8_000_000L;
        while (true) {
            SessionState.Job job;
            LineTokenizer tk;
            Theme forTheme;
            synchronized (this) {
                job = closed ? null : state.nextJob();
                if (job == null) {
                    scheduled = false;
                    return;
                }
                tk = tokenizer;
                forTheme = theme;
            }
            if (tk == null) {
                // the grammar loads outside the lock: a cold load takes long, and styles()/update() must not wait
                LineTokenizer fresh = new LineTokenizer(language, forTheme);
                synchronized (this) {
                    if (theme == forTheme && tokenizer == null) {
                        tokenizer = fresh;
                    }
                    tk = tokenizer;
                }
                if (tk == null) {
                    continue; // the theme changed meanwhile: load again for the new one
                }
            }
            SessionState.Batch batch = run(job, tk);
            int[] ready;
            synchronized (this) {
                linesTokenized += batch.count();
                tokenizeNanos += batch.nanos();
                if (tk != tokenizer) { // the theme changed while we worked
                    discarded++;
                    continue;
                }
                ready = state.commit(batch);
                if (ready == null) {
                    discarded++;
                }
            }
            if (ready != null && ready[0] <= ready[1]) {
                listener.stylesReady(ready[0], ready[1]);
            }
            if (System.nanoTime() > until) {
                synchronized (this) {
                    scheduled = false;
                }
                kick();
                return;
            }
        }
    }

    private static SessionState.Batch run(SessionState.Job job, LineTokenizer tk) {
        long t0 = System.nanoTime();
        Rope text = job.text();
        int n = job.lastLine() - job.firstLine() + 1;
        LineStyles[] styles = new LineStyles[n];
        StackElement[] ends = new StackElement[n];
        StackElement s = job.startState();
        int done = 0;
        long deadline = t0 + 4_000_000L;
        LineReader lines = new LineReader(text, job.firstLine(), job.lastLine());
        for (int i = 0; i < n; i++) {
            LineTokenizer.Result r = tk.tokenize(lines.next(), s);
            styles[i] = r.styles();
            ends[i] = s = r.endState();
            done++;
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        return new SessionState.Batch(job, done, styles, ends, System.nanoTime() - t0);
    }
}
