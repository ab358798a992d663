package dev.symphony.editor.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The themes shipped inside the shiki themes WebJar that {@code themes.tsv} lists (licence-filtered).
 * Defaults: GitHub Light Default and GitHub Dark Default, the syntax colours of the workbench chrome's own
 * family (AtlantaFX Primer is GitHub's design system); the UI picks by the light/dark switch.
 */
public final class Themes {

    public static final String DEFAULT_LIGHT = "github-light-default";
    public static final String DEFAULT_DARK = "github-dark-default";

    private static final Map<String, Theme> CACHE = new ConcurrentHashMap<>();
    private static volatile List<String[]> rows;

    private Themes() {
    }

    public static Theme defaultLight() {
        return byName(DEFAULT_LIGHT);
    }

    public static Theme defaultDark() {
        return byName(DEFAULT_DARK);
    }

    /** Shipped theme names (ids such as {@code dark-plus}, {@code solarized-light}). */
    public static List<String> names() {
        return rows().stream().map(r -> r[0]).toList();
    }

    /** A shipped theme by name; throws {@link IllegalArgumentException} for an unknown name. */
    public static Theme byName(String name) {
        if (rows().stream().noneMatch(r -> r[0].equals(name))) {
            throw new IllegalArgumentException("no shipped theme '" + name + "'; known: " + names());
        }
        return CACHE.computeIfAbsent(name, n -> {
            String json = WebJarSource.THEMES.json(n);
            if (json == null) {
                throw new IllegalStateException("the shiki themes WebJar has no theme module " + n);
            }
            try {
                return ThemeReader.fromVsCodeJson(json, include -> {
                    throw new IllegalArgumentException("shipped theme " + n + " includes " + include);
                });
            } catch (IOException e) {
                throw new UncheckedIOException("theme " + n, e);
            }
        });
    }

    static List<String[]> rows() {
        List<String[]> r = rows;
        if (r == null) {
            rows = r = GrammarCatalog.readTsv("themes.tsv");
        }
        return r;
    }
}
