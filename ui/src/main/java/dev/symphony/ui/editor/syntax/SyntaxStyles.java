package dev.symphony.ui.editor.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.syntax.Language;
import dev.symphony.editor.syntax.LanguageRegistry;
import dev.symphony.editor.syntax.SyntaxSession;
import dev.symphony.editor.syntax.Theme;
import dev.symphony.editor.syntax.Themes;
import dev.symphony.editor.text.Rope;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.editor.EditorColors;
import dev.symphony.ui.editor.LineStyleSource;
import dev.symphony.ui.editor.StyleSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.paint.Color;

/**
 * Highlighting for the workbench: detects the language (file name, extension, first line, and the
 * {@code files.associations} setting, glob → language id) and opens a {@link SyntaxSession} on one
 * shared daemon worker thread (2-core machines: one tokenizer thread keeps a core for the UI), which
 * pauses while the person types ({@link TypingAwareWorker}).
 */
public final class SyntaxStyles implements StyleSources {
    /** The settings key of the user's language overrides ({"*.gradle.kts": "kotlin"}). */
    public static final String ASSOCIATIONS = "files.associations";
    private final SettingsService settings;
    private final TypingAwareWorker worker;

    public SyntaxStyles(SettingsService settings) {
        this.settings = settings;
        this.worker = new TypingAwareWorker("syntax-worker");
        worker.execute(() -> {
            LanguageRegistry.builtIn(); // warm the catalog off the FX thread before the first file opens
            Themes.defaultLight();
            Themes.defaultDark();
        });
    }

    /** The language of a file, or empty for plain text. */
    public Optional<Language> detect(Path file, Rope text) {
        int end = text.lineCount() > 1 ? Math.min(text.lineEnd(0), 256) : Math.min(text.length(), 256);
        String firstLine = text.substring(0, end);
        return registry().detect(file.toString(), firstLine);
    }

    private LanguageRegistry registry() {
        LanguageRegistry registry = LanguageRegistry.builtIn();
        JsonNode overrides = settings == null ? null : settings.get(ASSOCIATIONS);
        if (overrides != null && overrides.isObject() && overrides.size() > 0) {
            Map<String, String> globs = new LinkedHashMap<>();
            overrides.fields().forEachRemaining(e -> globs.put(e.getKey(), e.getValue().asText()));
            registry = registry.withOverrides(globs);
        }
        return registry;
    }

    /** Bytes of the file's head tokenized while the file is still being read (warms the grammar's rules). */
    private static final int WARM_UP_BYTES = 4 * 1024;

    @Override
    public void prepare(Path file, boolean dark) {
        worker.execute(() -> {
            Optional<Language> language = registry().detect(file.toString(), "");
            if (language.isEmpty()) {
                return;
            }
            String head;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                head = new String(in.readNBytes(WARM_UP_BYTES), java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException | RuntimeException e) {
                head = "";
            }
            // a throw-away session run right here on the worker: the grammar loads into the theme's cache and
            // its rules compile while the bridge thread decodes the file
            try (SyntaxSession warm = SyntaxSession.open(language.get(), theme(dark), Rope.of(head), Runnable::run,
                    (from, to) -> { })) {
                warm.setViewport(0, 200);
                dev.symphony.ui.probe.StartupTrace.mark("grammar warmed: " + language.get().id());
            } catch (RuntimeException e) {
                // a grammar that fails to load fails again, visibly, when the real session opens
            }
        });
    }

    /** The tokenizing totals of a source this class opened (benchmarks), or empty for plain text. */
    public static Optional<SyntaxSession.Stats> statsOf(LineStyleSource source) {
        return source instanceof SyntaxStyleSource s ? Optional.of(s.session().stats()) : Optional.empty();
    }

    /** How far a source this class opened has exact styles (see {@link SyntaxSession#exactUpTo}); -1 for other sources. */
    public static int exactUpTo(LineStyleSource source) {
        return source instanceof SyntaxStyleSource s ? s.session().exactUpTo() : -1;
    }

    /** True when a source this class opened has tokenized every line of the current text. */
    public static boolean fullyTokenized(LineStyleSource source) {
        return source instanceof SyntaxStyleSource s && s.session().fullyTokenized();
    }

    /**
     * How the default theme (dark or light) paints a token whose innermost scope is {@code scope} (semantic tokens use
     * it, by VS Code's fallback scopes); a null fill when no rule gives it a colour of its own.
     */
    public static dev.symphony.ui.editor.TokenLook lookOfScope(boolean dark, String scope) {
        dev.symphony.editor.syntax.TokenStyle s = theme(dark).styleOfScope(scope);
        return new dev.symphony.ui.editor.TokenLook(s.foreground() == null ? null : javafx.scene.paint.Color.web(s.foreground()),
                s.bold(), s.italic(), s.underline());
    }

    static Theme theme(boolean dark) {
        return dark ? Themes.defaultDark() : Themes.defaultLight();
    }

    @Override
    public LineStyleSource open(Path file, Rope text, boolean dark, Runnable onReady) {
        Optional<Language> language = detect(file, text);
        if (language.isEmpty()) {
            return LineStyleSource.PLAIN;
        }
        Theme theme = theme(dark);
        SyntaxStyleSource[] source = new SyntaxStyleSource[1];
        java.util.concurrent.CountDownLatch made = new java.util.concurrent.CountDownLatch(1);
        SyntaxSession session = SyntaxSession.open(language.get(), theme, text, worker, (from, to) -> {
            try {
                made.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            source[0].ready();
            onReady.run();
        });
        source[0] = new SyntaxStyleSource(session, theme, worker, worker::typed);
        made.countDown();
        return source[0];
    }

    @Override
    public EditorColors colors(boolean dark) {
        Theme t = theme(dark);
        EditorColors base = EditorColors.forDark(dark);
        Color selection = color(t.selection(), base.selection());
        return new EditorColors(color(t.background(), base.background()), color(t.foreground(), base.foreground()),
                selection, color(t.lineHighlight(), base.lineHighlight()), color(t.caret(), base.caret()),
                color(t.lineNumber(), base.lineNumber()), selection.deriveColor(0, 1, 1, 0.6));
    }

    private static Color color(String hex, Color fallback) {
        if (hex == null || hex.isBlank()) {
            return fallback;
        }
        try {
            return Color.web(hex);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
