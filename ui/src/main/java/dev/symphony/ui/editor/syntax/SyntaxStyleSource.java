package dev.symphony.ui.editor.syntax;

import dev.symphony.editor.syntax.LineStyles;
import dev.symphony.editor.syntax.SyntaxSession;
import dev.symphony.editor.syntax.Theme;
import dev.symphony.editor.syntax.TokenStyle;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.LineStyleSource;
import dev.symphony.ui.editor.StyledLine;
import dev.symphony.ui.editor.TokenLook;
import javafx.scene.paint.Color;

/** A {@link SyntaxSession} as the view's style source: run styles become paints (cached per style id). */
final class SyntaxStyleSource implements LineStyleSource {
    private final SyntaxSession session;
    private final TokenLook[] looks;
    private final java.util.concurrent.Executor worker;
    /**
     * False until the session's first styles arrive: until then its worker loads the grammar while
     * holding the session's lock. The FX thread only ever calls {@link SyntaxSession#styles} (briefly
     * locked); updates and the viewport go through the worker's queue.
     */
    private volatile boolean live;
    /** Updates queued to the worker but not applied yet: the session's styles are for an older text meanwhile. */
    private final java.util.concurrent.atomic.AtomicInteger pendingUpdates = new java.util.concurrent.atomic.AtomicInteger();
    private int viewFirst = -1;
    private int viewLast = -1;

    private final Runnable onEdit;

    SyntaxStyleSource(SyntaxSession session, Theme theme, java.util.concurrent.Executor worker, Runnable onEdit) {
        this.session = session;
        this.worker = worker;
        this.onEdit = onEdit;
        this.looks = looks(theme);
    }

    /** The paint of each of {@code theme}'s style ids. */
    static TokenLook[] looks(Theme theme) {
        TokenLook[] looks = new TokenLook[theme.styleCount()];
        for (int i = 0; i < looks.length; i++) {
            TokenStyle s = theme.style(i);
            looks[i] = new TokenLook(s.foreground() == null ? null : Color.web(s.foreground()), s.bold(), s.italic(),
                    s.underline());
        }
        return looks;
    }

    /** Called on the worker with every "styles ready" of the session. */
    void ready() {
        live = true;
    }

    @Override
    public StyledLine styles(int line) {
        if (!live || pendingUpdates.get() > 0) {
            return null; // the view keeps showing a line's last styles meanwhile
        }
        LineStyles styles = session.styles(line);
        return styles == null ? null : new Runs(styles, looks);
    }

    @Override
    public void setViewport(int firstLine, int lastLine) {
        if (firstLine != viewFirst || lastLine != viewLast) {
            viewFirst = firstLine;
            viewLast = lastLine;
            worker.execute(() -> session.setViewport(firstLine, lastLine));
        }
    }

    @Override
    public void textChanged(Rope before, Rope after, ChangeSet change) {
        // on the worker (FIFO, one thread): an update shifts per-line arrays of the whole document, and
        // the session's lock may be held by tokenizing work; neither belongs on the FX thread
        onEdit.run();
        pendingUpdates.incrementAndGet();
        worker.execute(() -> {
            try {
                session.update(before, after, change);
            } finally {
                pendingUpdates.decrementAndGet();
            }
        });
    }

    @Override
    public String languageName() {
        return session.language().displayName();
    }

    SyntaxSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }

    /** The view's run interface over one line's styles; equal when the runs are (so unchanged lines are not repainted). */
    private record Runs(LineStyles styles, TokenLook[] looks) implements StyledLine {
        @Override
        public int size() {
            return styles.size();
        }

        @Override
        public int start(int index) {
            return styles.start(index);
        }

        @Override
        public TokenLook look(int index) {
            int id = styles.styleId(index);
            return id >= 0 && id < looks.length ? looks[id] : TokenLook.PLAIN;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Runs r && r.looks == looks && r.styles.equals(styles);
        }

        @Override
        public int hashCode() {
            return styles.hashCode();
        }
    }
}
