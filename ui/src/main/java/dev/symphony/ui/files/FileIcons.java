package dev.symphony.ui.files;

import dev.symphony.editor.syntax.Language;
import dev.symphony.editor.syntax.LanguageRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.control.Label;

/**
 * The file tree's file-type marks: a small coloured badge per language (the language found from the
 * file name, as the editor does, so a new grammar gets a generic mark at once), in the colours GitHub's
 * Linguist gives the languages. No icon font is served to this build, so the marks are text badges.
 */
public final class FileIcons {
    public static final String STYLE = "file-icon";

    /** What a badge shows: up to two characters on a background colour. */
    public record Badge(String text, String color) {
    }

    private static final Badge PLAIN = new Badge("≡", "#8b949e");
    private static final Map<String, Badge> BY_LANGUAGE = Map.ofEntries(
            Map.entry("java", new Badge("J", "#b07219")), Map.entry("kotlin", new Badge("K", "#a97bff")),
            Map.entry("scala", new Badge("S", "#c22d40")), Map.entry("groovy", new Badge("G", "#4298b8")),
            Map.entry("python", new Badge("Py", "#3572a5")), Map.entry("javascript", new Badge("JS", "#d4b830")),
            Map.entry("typescript", new Badge("TS", "#3178c6")), Map.entry("jsx", new Badge("JS", "#d4b830")),
            Map.entry("tsx", new Badge("TS", "#3178c6")), Map.entry("json", new Badge("{}", "#6e7781")),
            Map.entry("jsonc", new Badge("{}", "#6e7781")), Map.entry("markdown", new Badge("M", "#083fa1")),
            Map.entry("rust", new Badge("R", "#b7410e")), Map.entry("go", new Badge("Go", "#00add8")),
            Map.entry("c", new Badge("C", "#555555")), Map.entry("cpp", new Badge("C+", "#f34b7d")),
            Map.entry("csharp", new Badge("C#", "#178600")), Map.entry("html", new Badge("<>", "#e34c26")),
            Map.entry("css", new Badge("#", "#563d7c")), Map.entry("scss", new Badge("#", "#c6538c")),
            Map.entry("shellscript", new Badge("$", "#4a9c2d")), Map.entry("yaml", new Badge("Y", "#cb171e")),
            Map.entry("toml", new Badge("T", "#9c4221")), Map.entry("xml", new Badge("<>", "#0060ac")),
            Map.entry("sql", new Badge("Q", "#e38c00")), Map.entry("ruby", new Badge("Rb", "#701516")),
            Map.entry("php", new Badge("P", "#4f5d95")), Map.entry("swift", new Badge("Sw", "#f05138")),
            Map.entry("dart", new Badge("D", "#00b4ab")), Map.entry("lua", new Badge("L", "#000080")),
            Map.entry("docker", new Badge("D", "#384d54")), Map.entry("make", new Badge("Mk", "#427819")));
    private static final Map<String, Badge> CACHE = new ConcurrentHashMap<>();

    private FileIcons() {
    }

    /** The badge of a file by its name (its language, else a generic one). */
    public static Badge badge(String fileName) {
        String key = key(fileName);
        return CACHE.computeIfAbsent(key, k -> LanguageRegistry.builtIn().detect(fileName, "")
                .map(Language::id).map(id -> BY_LANGUAGE.getOrDefault(id, badgeOf(id))).orElse(PLAIN));
    }

    /** A language with no badge of its own: its first letter on grey. */
    private static Badge badgeOf(String languageId) {
        return new Badge(languageId.substring(0, 1).toUpperCase(Locale.ROOT), "#6e7781");
    }

    /** Files with the same extension share a badge; names without one (Makefile, Dockerfile) are their own key. */
    private static String key(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot).toLowerCase(Locale.ROOT) : fileName;
    }

    /** The badge as a node for a tree cell. */
    static Label node(String fileName) {
        Badge b = badge(fileName);
        Label label = new Label(b.text());
        label.getStyleClass().add(STYLE);
        label.setStyle("-fx-background-color: " + b.color() + ";");
        return label;
    }
}
