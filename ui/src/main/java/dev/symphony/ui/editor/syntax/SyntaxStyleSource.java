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

    SyntaxStyleSource(SyntaxSession session, Theme theme) {
        this.session = session;
        this.looks = new TokenLook[theme.styleCount()];
        for (int i = 0; i < looks.length; i++) {
            TokenStyle s = theme.style(i);
            looks[i] = new TokenLook(s.foreground() == null ? null : Color.web(s.foreground()), s.bold(), s.italic(),
                    s.underline());
        }
    }

    @Override
    public StyledLine styles(int line) {
        LineStyles styles = session.styles(line);
        return styles == null ? null : new Runs(styles, looks);
    }

    @Override
    public void setViewport(int firstLine, int lastLine) {
        session.setViewport(firstLine, lastLine);
    }

    @Override
    public void textChanged(Rope before, Rope after, ChangeSet change) {
        session.update(before, after, change);
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
