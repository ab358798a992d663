package dev.symphony.samples.lsp;

/**
 * LSP snippets ({@code InsertTextFormat.Snippet}) as plain text: a placeholder {@code ${1:name}} keeps its default
 * text, a choice {@code ${1|a,b|}} its first choice, a bare tab stop ({@code $1}, {@code ${2}}, {@code $0}) and a
 * variable ({@code $TM_FILENAME}) become nothing, {@code \$ \} \\} their character. The caret goes to the first tab
 * stop ({@code $1}'s place, else {@code $0}'s, else the end). Tab stops beyond the first are not kept: the editor has no
 * snippet mode (placeholders are inserted as plain text).
 */
record Snippets(String text, int caret) {
    static Snippets plain(String snippet) {
        StringBuilder out = new StringBuilder();
        int[] stops = {-1, -1}; // the place of $1 (or the lowest positive stop), of $0
        int[] lowest = {Integer.MAX_VALUE};
        parse(snippet, 0, out, stops, lowest, false);
        int caret = stops[0] >= 0 ? stops[0] : stops[1] >= 0 ? stops[1] : out.length();
        return new Snippets(out.toString(), caret);
    }

    /** Appends {@code s} from {@code i} to {@code out}; inside a placeholder stops at its closing brace. Returns the index after. */
    private static int parse(String s, int i, StringBuilder out, int[] stops, int[] lowest, boolean nested) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "$}\\,|".indexOf(s.charAt(i + 1)) >= 0) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (nested && c == '}') {
                return i + 1;
            } else if (c == '$' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                stop(Integer.parseInt(s.substring(i + 1, j)), out.length(), stops, lowest);
                i = j;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int j = i + 2;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String name = s.substring(i + 2, j);
                if (!name.isEmpty() && Character.isDigit(name.charAt(0)) && name.chars().allMatch(Character::isDigit)) {
                    stop(Integer.parseInt(name), out.length(), stops, lowest);
                }
                if (j < s.length() && s.charAt(j) == ':') {
                    i = parse(s, j + 1, out, stops, lowest, true);
                } else if (j < s.length() && s.charAt(j) == '|') {
                    int end = s.indexOf("|}", j + 1);
                    String choices = end < 0 ? s.substring(j + 1) : s.substring(j + 1, end);
                    int comma = choices.indexOf(',');
                    out.append(comma < 0 ? choices : choices.substring(0, comma));
                    i = end < 0 ? s.length() : end + 2;
                } else {
                    int end = s.indexOf('}', j);
                    i = end < 0 ? s.length() : end + 1; // ${1}, ${VAR}, ${VAR/regex/…}
                }
            } else if (c == '$' && i + 1 < s.length() && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                i = j; // a variable: the editor knows none
            } else {
                out.append(c);
                i++;
            }
        }
        return i;
    }

    private static void stop(int n, int at, int[] stops, int[] lowest) {
        if (n == 0) {
            if (stops[1] < 0) {
                stops[1] = at;
            }
        } else if (n < lowest[0]) {
            lowest[0] = n;
            stops[0] = at;
        }
    }
}
