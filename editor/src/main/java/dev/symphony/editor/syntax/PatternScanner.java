package dev.symphony.editor.syntax;

import java.util.ArrayList;
import java.util.List;

/** Just enough of Oniguruma's pattern syntax to walk atoms, classes and groups for {@link PatternRewriter}. */
final class PatternScanner {

    private PatternScanner() {
    }

    /** Index after the atom starting at {@code i}: an escape, a character class, or one char. */
    static int skipAtom(String p, int i) {
        char c = p.charAt(i);
        if (c == '[') {
            return skipClass(p, i);
        }
        if (c != '\\' || i + 1 >= p.length()) {
            return i + 1;
        }
        char e = p.charAt(i + 1);
        if ((e == 'x' || e == 'p' || e == 'P' || e == 'o') && i + 2 < p.length() && p.charAt(i + 2) == '{') {
            int close = p.indexOf('}', i + 2);
            return close < 0 ? p.length() : close + 1;
        }
        if ((e == 'k' || e == 'g') && i + 2 < p.length() && (p.charAt(i + 2) == '<' || p.charAt(i + 2) == '\'')) {
            int close = p.indexOf(p.charAt(i + 2) == '<' ? '>' : '\'', i + 3);
            return close < 0 ? p.length() : close + 1;
        }
        return i + 2;
    }

    /** Index after the character class opening at {@code i} (nested classes and POSIX brackets included). */
    static int skipClass(String p, int i) {
        int j = i + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++; // a leading ']' is a literal
        }
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '[') {
                if (p.startsWith("[:", j) && p.indexOf(":]", j + 2) > 0) {
                    j = p.indexOf(":]", j + 2) + 2;
                } else {
                    j = skipClass(p, j);
                }
            } else if (c == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        return p.length();
    }

    static String escapeLeadingBracket(String cls) {
        if (cls.startsWith("[]")) {
            return "[\\]" + cls.substring(2);
        }
        if (cls.startsWith("[^]")) {
            return "[^\\]" + cls.substring(3);
        }
        return cls;
    }

    /** Start of the next {@code (?<=} or {@code (?<!} at or after {@code from}, or -1. */
    static int nextLookBehind(String p, int from) {
        for (int i = from; i < p.length(); i = skipAtom(p, i)) {
            if (p.startsWith("(?<=", i) || p.startsWith("(?<!", i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when every look-behind in {@code p} has a plainly fixed-length body (atoms only: no group,
     * alternative, quantifier or back-reference), which joni always accepts: no need to compile to check.
     */
    static boolean lookBehindsArePlain(String p) {
        for (int at = nextLookBehind(p, 0); at >= 0; at = nextLookBehind(p, at + 4)) {
            int end = groupEnd(p, at);
            for (int i = at + 4; i < end; i = skipAtom(p, i)) {
                char c = p.charAt(i);
                if ("*+?{|(".indexOf(c) >= 0 || c == '\\' && i + 1 < end && "123456789RXk".indexOf(p.charAt(i + 1)) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Index of the ')' closing the group opened at {@code open} (or the pattern's length if unbalanced). */
    static int groupEnd(String p, int open) {
        int depth = 0;
        for (int i = open; i < p.length(); i = skipAtom(p, i)) {
            char c = p.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return p.length();
    }

    static int capturingGroups(String p) {
        int n = 0;
        for (int i = 0; i < p.length(); i = skipAtom(p, i)) {
            if (p.charAt(i) == '(' && (!p.startsWith("(?", i) || isNamedCapture(p, i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isNamedCapture(String p, int i) {
        return p.startsWith("(?<", i) && i + 3 < p.length() && p.charAt(i + 3) != '=' && p.charAt(i + 3) != '!'
                || p.startsWith("(?'", i) || p.startsWith("(?P<", i);
    }

    /** The alternatives of {@code p} at depth 0. */
    static List<String> splitTopLevel(String p) {
        List<String> out = new ArrayList<>();
        int[] bounds = topLevelAlternatives(p, 0, p.length());
        for (int k = 0; k + 1 < bounds.length; k++) {
            out.add(p.substring(bounds[k] + (k == 0 ? 0 : 1), bounds[k + 1]));
        }
        return out;
    }

    /**
     * Where the depth-0 alternatives of {@code p[from, to)} are: {@code from}, then the index of each
     * separating {@code |}, then {@code to} (alternative k is {@code (bounds[k] or after its '|', bounds[k+1])}).
     */
    static int[] topLevelAlternatives(String p, int from, int to) {
        int[] bounds = new int[8];
        int n = 0;
        bounds[n++] = from;
        int depth = 0;
        for (int i = from; i < to; i = skipAtom(p, i)) {
            char c = p.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                if (n + 1 >= bounds.length) {
                    bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[n++] = i;
            }
        }
        bounds[n++] = to;
        return java.util.Arrays.copyOf(bounds, n);
    }

    /**
     * Distributes the first expandable construct of one alternative: a {@code (?:a|b)} group (→ one
     * alternative per branch) or an atom/group followed by {@code ?} (→ with and without it). Null when
     * nothing is expandable.
     */
    static List<String> expandFirst(String alt) {
        for (int i = 0; i < alt.length(); ) {
            int end;
            boolean group = alt.charAt(i) == '(';
            if (group) {
                end = groupEnd(alt, i) + 1;
            } else if (alt.charAt(i) == '|' || alt.charAt(i) == ')') {
                return null;
            } else {
                end = skipAtom(alt, i);
            }
            if (end > alt.length()) {
                return null;
            }
            String prefix = alt.substring(0, i);
            boolean optional = end < alt.length() && alt.charAt(end) == '?';
            int after = optional ? end + 1 + (end + 1 < alt.length() && (alt.charAt(end + 1) == '?' || alt.charAt(end + 1) == '+') ? 1 : 0) : end;
            String suffix = alt.substring(after);
            if (optional && !(group && !alt.startsWith("(?:", i) && alt.startsWith("(?", i))) {
                return List.of(prefix + alt.substring(i, end) + suffix, prefix + suffix);
            }
            if (!group && isWhitespace(alt.substring(i, end)) && end < alt.length() && (alt.charAt(end) == '*' || alt.charAt(end) == '+')) {
                // whitespace repeated: 0..MAX_SPACES (or 1..) copies, so "(?<=\bshow\s*)" keeps working for the usual spacing
                int min = alt.charAt(end) == '*' ? 0 : 1;
                int q = end + 1 + (end + 1 < alt.length() && (alt.charAt(end + 1) == '?' || alt.charAt(end + 1) == '+') ? 1 : 0);
                List<String> out = new ArrayList<>();
                for (int k = min; k <= MAX_SPACES; k++) {
                    out.add(prefix + alt.substring(i, end).repeat(k) + alt.substring(q));
                }
                return out;
            }
            if (group && alt.startsWith("(?:", i) && !quantified(alt, end)) {
                List<String> branches = splitTopLevel(alt.substring(i + 3, end - 1));
                if (branches.size() > 1) {
                    List<String> out = new ArrayList<>();
                    for (String b : branches) {
                        out.add(prefix + b + suffix);
                    }
                    return out;
                }
            }
            i = end;
        }
        return null;
    }

    static final int MAX_SPACES = 4;

    private static boolean isWhitespace(String atom) {
        return atom.equals("\\s") || atom.equals(" ") || atom.equals("\\t") || atom.equals("[ \\t]") || atom.equals("[\\t ]");
    }

    private static boolean quantified(String p, int at) {
        return at < p.length() && "?*+{".indexOf(p.charAt(at)) >= 0;
    }
}
