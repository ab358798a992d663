package dev.symphony.editor.pairs;

import java.util.Map;

/**
 * The pairs a language closes and surrounds with: {@code opens.charAt(i)} pairs with
 * {@code closes.charAt(i)}; a quote is a pair whose two sides are the same character. The table follows
 * the auto-closing pairs of the language configurations VS Code ships (brackets everywhere; quotes where
 * the language has such strings; no {@code '} where it starts a lifetime or a comment).
 */
public record BracketPairs(String opens, String closes) {
    private static final String BRACKETS = "([{";
    private static final String CLOSERS = ")]}";
    /** Brackets and {@code "} only: plain text, Rust ({@code 'a} lifetimes), VB ({@code '} comments), Lisps. */
    public static final BracketPairs PLAIN = new BracketPairs(BRACKETS + "\"", CLOSERS + "\"");
    private static final BracketPairs C = new BracketPairs(BRACKETS + "\"'", CLOSERS + "\"'");
    private static final BracketPairs SCRIPT = new BracketPairs(BRACKETS + "\"'`", CLOSERS + "\"'`");
    private static final Map<String, BracketPairs> BY_LANGUAGE = Map.ofEntries(
            Map.entry("javascript", SCRIPT), Map.entry("typescript", SCRIPT), Map.entry("jsx", SCRIPT),
            Map.entry("tsx", SCRIPT), Map.entry("go", SCRIPT), Map.entry("shellscript", SCRIPT),
            Map.entry("markdown", SCRIPT), Map.entry("kotlin", C), Map.entry("java", C), Map.entry("c", C),
            Map.entry("cpp", C), Map.entry("csharp", C), Map.entry("python", C), Map.entry("ruby", C),
            Map.entry("php", C), Map.entry("scala", C), Map.entry("groovy", C), Map.entry("swift", C),
            Map.entry("dart", C), Map.entry("json", PLAIN), Map.entry("jsonc", PLAIN), Map.entry("yaml", C),
            Map.entry("toml", C), Map.entry("css", C), Map.entry("scss", C), Map.entry("less", C),
            Map.entry("html", C), Map.entry("xml", C), Map.entry("sql", C), Map.entry("lua", C),
            Map.entry("perl", C), Map.entry("r", C), Map.entry("powershell", C), Map.entry("elixir", C),
            Map.entry("julia", C), Map.entry("haskell", PLAIN), Map.entry("rust", PLAIN), Map.entry("vb", PLAIN),
            Map.entry("clojure", PLAIN), Map.entry("scheme", PLAIN), Map.entry("common-lisp", PLAIN));

    public BracketPairs {
        if (opens.length() != closes.length()) {
            throw new IllegalArgumentException("opens " + opens + " and closes " + closes + " differ in length");
        }
    }

    /** The pairs of a language id (as the language registry names it); {@link #PLAIN} for any other. */
    public static BracketPairs of(String languageId) {
        return languageId == null ? PLAIN : BY_LANGUAGE.getOrDefault(languageId, PLAIN);
    }

    /** The closer of an opening character, or 0 when {@code c} opens nothing. */
    public char closerOf(char c) {
        int i = opens.indexOf(c);
        return i < 0 ? 0 : closes.charAt(i);
    }

    public boolean isCloser(char c) {
        return closes.indexOf(c) >= 0;
    }

    public boolean isQuote(char c) {
        int i = opens.indexOf(c);
        return i >= 0 && closes.charAt(i) == c;
    }
}
