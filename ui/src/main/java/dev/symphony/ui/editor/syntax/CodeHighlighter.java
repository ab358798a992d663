package dev.symphony.ui.editor.syntax;

import dev.symphony.editor.syntax.Language;
import dev.symphony.editor.syntax.LanguageRegistry;
import dev.symphony.editor.syntax.LineStyles;
import dev.symphony.editor.syntax.SyntaxSession;
import dev.symphony.editor.syntax.Theme;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.TokenLook;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A snippet highlighted at once, with the editor's TextMate grammars and default theme (a {@link SyntaxSession} run on
 * the calling thread): code blocks outside the editor, such as the chat's. Call it off the JavaFX thread: a grammar's
 * first load takes a while.
 */
public final class CodeHighlighter {
    /** Characters {@code [start, end)} of a line, painted with {@code look}. */
    public record Run(int start, int end, TokenLook look) {
    }

    /** Snippets longer than this are left plain: a chat is not an editor. */
    public static final int MAX_CHARS = 100_000;

    private CodeHighlighter() {
    }

    /**
     * The language a code fence names ({@code java}, {@code py}, {@code sh}…): by id or alias, else as a file
     * extension; empty when none is known.
     */
    public static Optional<Language> language(String fence) {
        if (fence == null || fence.isBlank()) {
            return Optional.empty();
        }
        LanguageRegistry registry = LanguageRegistry.builtIn();
        return registry.byId(fence.strip()).or(() -> registry.detect("snippet." + fence.strip(), null));
    }

    /** Each line's runs (lines split at '\n'), or empty when the fence's language is unknown or the snippet too long. */
    public static Optional<List<List<Run>>> highlight(String fence, String text, boolean dark) {
        Optional<Language> language = language(fence);
        if (language.isEmpty() || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        try {
            return tokenize(language.get(), text, SyntaxStyles.theme(dark));
        } catch (RuntimeException grammarFailed) { // a grammar that cannot load: the snippet stays plain
            return Optional.empty();
        }
    }

    private static Optional<List<List<Run>>> tokenize(Language language, String text, Theme theme) {
        TokenLook[] looks = SyntaxStyleSource.looks(theme);
        String[] lines = text.split("\n", -1);
        List<List<Run>> out = new ArrayList<>(lines.length);
        try (SyntaxSession session = SyntaxSession.open(language, theme, Rope.of(text), Runnable::run, (from, to) -> { })) {
            session.setViewport(0, lines.length - 1); // tokenized right here: the executor runs the work on this thread
            if (session.lastFailure() != null) {
                return Optional.empty();
            }
            for (int i = 0; i < lines.length; i++) {
                LineStyles styles = session.styles(i);
                List<Run> runs = new ArrayList<>();
                int length = lines[i].length();
                if (styles == null) {
                    runs.add(new Run(0, length, TokenLook.PLAIN));
                } else {
                    for (int r = 0; r < styles.size(); r++) {
                        int start = Math.min(styles.start(r), length);
                        int end = r + 1 < styles.size() ? Math.min(styles.start(r + 1), length) : length;
                        int id = styles.styleId(r);
                        if (end > start) {
                            runs.add(new Run(start, end, id >= 0 && id < looks.length ? looks[id] : TokenLook.PLAIN));
                        }
                    }
                }
                out.add(runs);
            }
        }
        return Optional.of(out);
    }
}
