package dev.symphony.ui.lsp;

/**
 * Markdown from a server (hover, completion documentation) as plain text for a label: fences and their language
 * dropped (the code kept as it is), emphasis markers, inline code ticks, heading marks, rules and link targets removed,
 * backslash escapes resolved, runs of blank lines collapsed. Nothing is interpreted as markup or fetched: a server's
 * text is only shown.
 */
final class MarkdownText {
    private static final String ESCAPABLE = "\\`*_{}[]()#+-.!|<>";
    private static final char PRIVATE = '\uE000';

    private MarkdownText() {
    }

    static String plain(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean code = false;
        int blank = 0;
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                code = !code;
                continue;
            }
            String shown = code ? line : inline(line);
            if (!code && (t.matches("-{3,}|\\*{3,}|_{3,}"))) {
                shown = "";
            }
            if (shown.isBlank()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(shown);
        }
        return out.toString();
    }

    private static String inline(String line) {
        // escaped characters are literal: hidden from the emphasis rules as private-use characters, restored at the end
        StringBuilder hidden = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && ESCAPABLE.indexOf(line.charAt(i + 1)) >= 0) {
                hidden.append((char) (PRIVATE + ESCAPABLE.indexOf(line.charAt(++i))));
            } else {
                hidden.append(c);
            }
        }
        String s = hidden.toString().replaceFirst("^\\s{0,3}#{1,6}\\s+", "");
        s = s.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        s = s.replaceAll("(\\*\\*|__)(.+?)\\1", "$2");
        s = s.replaceAll("(?<![\\w*])[*_]([^*_\\s][^*_]*?)[*_](?![\\w*])", "$1");
        s = s.replace("`", "");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= PRIVATE && c < PRIVATE + ESCAPABLE.length() ? ESCAPABLE.charAt(c - PRIVATE) : c);
        }
        return out.toString();
    }
}
