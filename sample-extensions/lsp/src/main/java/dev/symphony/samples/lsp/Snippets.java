package dev.symphony.samples.lsp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LSP snippets ({@code InsertTextFormat.Snippet}) as text and tab stops: a placeholder {@code ${1:name}} keeps its
 * default text, a choice {@code ${1|a,b|}} its first choice, a bare tab stop ({@code $1}, {@code ${2}}, {@code $0})
 * is empty unless an earlier placeholder of the same number gave it text (a mirror), a variable ({@code $TM_FILENAME})
 * becomes nothing, {@code \$ \} \\} their character. Each tab stop is kept as its number and its range in the text
 * ({@link Stop}; nested placeholders each have theirs), so the editor's snippet mode can select them in turn. The caret
 * goes to the first tab stop ({@code $1}'s place, else {@code $0}'s, else the end).
 */
record Snippets(String text, int caret, List<Stop> stops) {
    /** Tab stop {@code number} spans {@code from}–{@code to} of the inserted text ({@code $0} is the final place). */
    record Stop(int number, int from, int to) {
    }

    /** Text without tab stops (not a snippet). */
    static Snippets text(String text) {
        return new Snippets(text, -1, List.of());
    }

    static Snippets parse(String snippet) {
        Parser p = new Parser(snippet);
        p.parse(0, false);
        int first = -1;
        int last = -1;
        int lowest = Integer.MAX_VALUE;
        for (Stop s : p.stops) {
            if (s.number() > 0 && s.number() < lowest) {
                lowest = s.number();
                first = s.from();
            } else if (s.number() == 0 && last < 0) {
                last = s.from();
            }
        }
        int caret = first >= 0 ? first : last >= 0 ? last : p.out.length();
        return new Snippets(p.out.toString(), caret, List.copyOf(p.stops));
    }

    /** One pass over the snippet's grammar (LSP's: tab stops, placeholders, choices, variables, escapes). */
    private static final class Parser {
        private final String s;
        private final StringBuilder out = new StringBuilder();
        private final List<Stop> stops = new ArrayList<>();
        private final Map<Integer, String> placeholderText = new HashMap<>();

        Parser(String s) {
            this.s = s;
        }

        /** Appends from {@code i}; inside a placeholder stops at its closing brace. Returns the index after. */
        int parse(int i, boolean nested) {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() && "$}\\,|".indexOf(s.charAt(i + 1)) >= 0) {
                    out.append(s.charAt(i + 1));
                    i += 2;
                } else if (nested && c == '}') {
                    return i + 1;
                } else if (c == '$' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                    int j = digitsEnd(i + 1);
                    mirror(number(s.substring(i + 1, j)));
                    i = j;
                } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    i = braced(i);
                } else if (c == '$' && i + 1 < s.length() && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
                    i = nameEnd(i + 1); // a variable: the editor knows none
                } else {
                    out.append(c);
                    i++;
                }
            }
            return i;
        }

        private int braced(int i) {
            int j = nameEnd(i + 2);
            String name = s.substring(i + 2, j);
            boolean stop = !name.isEmpty() && name.chars().allMatch(Character::isDigit);
            int number = stop ? number(name) : -1;
            int from = out.length();
            if (j < s.length() && s.charAt(j) == ':') {
                int after = parse(j + 1, true);
                if (stop) {
                    stops.add(new Stop(number, from, out.length()));
                    placeholderText.putIfAbsent(number, out.substring(from));
                }
                return after;
            }
            if (j < s.length() && s.charAt(j) == '|') {
                int end = s.indexOf("|}", j + 1);
                String choices = end < 0 ? s.substring(j + 1) : s.substring(j + 1, end);
                int comma = choices.indexOf(',');
                out.append(comma < 0 ? choices : choices.substring(0, comma));
                if (stop) {
                    stops.add(new Stop(number, from, out.length()));
                }
                return end < 0 ? s.length() : end + 2;
            }
            if (stop) {
                mirror(number); // ${1}
            }
            int end = s.indexOf('}', j);
            return end < 0 ? s.length() : end + 1; // ${1}, ${VAR}, ${VAR/regex/…}
        }

        /** A bare tab stop: the text of the placeholder of its number seen before, if any. */
        private void mirror(int number) {
            int from = out.length();
            out.append(placeholderText.getOrDefault(number, ""));
            stops.add(new Stop(number, from, out.length()));
        }

        /** A tab stop's number; a server's absurdly long one sorts last instead of failing. */
        private static int number(String digits) {
            return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }

        private int digitsEnd(int j) {
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
            return j;
        }

        private int nameEnd(int j) {
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            return j;
        }
    }
}
