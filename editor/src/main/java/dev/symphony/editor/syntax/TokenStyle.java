package dev.symphony.editor.syntax;

/**
 * How a token is drawn.
 *
 * @param foreground {@code "#rrggbb"} (or {@code "#rrggbbaa"} when the theme gives an alpha), or null for the
 *                   theme's default foreground
 */
public record TokenStyle(String foreground, boolean bold, boolean italic, boolean underline) {

    public static final TokenStyle PLAIN = new TokenStyle(null, false, false, false);
}
