package dev.symphony.editor.syntax;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cheap necessary condition for an Oniguruma pattern to match: a few literal strings of which every
 * match must contain at least one, at or after the search position (a match, its look-aheads included,
 * never reads text before where the search starts, except in look-behinds, which are not used). When none
 * of them occurs in the rest of the line, the regex cannot match there and need not run.
 *
 * <p>Why: a TextMate grammar scans a line by searching each of a state's patterns from the current
 * position, and joni tries every start position. Patterns like Java's class-declaration look-ahead
 * {@code (?=\w?[-\w\s]*\b(?:class|(?<!@)interface|enum)\s+[$\w]+)} backtrack over the whole rest of the
 * word run at each start, quadratic in the line's length; they were over half of the highlighter's time,
 * on lines that contain none of {@code class}, {@code interface}, {@code enum}.
 *
 * <p>The analysis is conservative: any construct it does not understand for certain (case-insensitive
 * or extended mode, conditionals, escapes it does not know) yields no filter, never a wrong one. Of the
 * items that every match must contain (literal runs; small classes of plain chars, as one-char literals;
 * groups, atomic groups and positive look-aheads not made optional by a quantifier; alternatives only
 * when each alternative has literals) it keeps the one whose shortest literal is longest.
 */
public final class RequiredLiterals {

    static final int MAX_LITERALS = 32;

    private final byte[][] literals;

    private RequiredLiterals(byte[][] literals) {
        this.literals = literals;
    }

    /** The filter for {@code pattern}, or null when no literal is required (or the pattern is not understood). */
    public static RequiredLiterals of(String pattern) {
        Set<String> required;
        try {
            required = new Parser(pattern).alternation(0, pattern.length());
        } catch (Unsupported e) {
            return null;
        }
        if (required == null || required.isEmpty()) {
            return null;
        }
        byte[][] bytes = new byte[required.size()][];
        int i = 0;
        for (String s : required) {
            bytes[i++] = s.getBytes(StandardCharsets.UTF_8);
        }
        return new RequiredLiterals(bytes);
    }

    /** The literals (for tests and diagnostics). */
    public List<String> literals() {
        List<String> out = new ArrayList<>(literals.length);
        for (byte[] b : literals) {
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** False when none of the literals can occur in {@code utf8[from..end)}: then the pattern cannot match from {@code from}. */
    public boolean mayMatch(byte[] utf8, int from, int end) {
        return bound(LineIndex.of(utf8, utf8, end)) >= Math.max(0, from);
    }

    /**
     * An upper bound of where the last occurrence of any of the literals in {@code line} starts (-1: none
     * occurs): the pattern cannot match from any position after it. {@code key} identifies the line (the
     * thread's index of it is built once, then shared by every pattern searched on it).
     */
    public int bound(Object key, byte[] utf8) {
        return bound(LineIndex.of(key, utf8, utf8.length));
    }

    private int bound(LineIndex index) {
        int best = -1;
        for (byte[] lit : literals) {
            int b;
            if (lit.length == 1) {
                b = index.lastByte(lit[0]);
            } else {
                b = Integer.MAX_VALUE;
                for (int j = 0; j + 1 < lit.length && b > best; j++) {
                    // the pair at offset j of an occurrence starting at s is at s + j: s <= lastPair - j
                    int last = index.lastPair(lit[j], lit[j + 1]);
                    b = last < 0 ? -1 : Math.min(b, last - j);
                }
            }
            best = Math.max(best, b);
        }
        return best;
    }

    /**
     * Where each byte and each pair of adjacent bytes last occurs in one line: built in one pass, per
     * thread, when a pattern is first searched on a new line; then a literal's check is a few array reads.
     */
    static final class LineIndex {
        private static final ThreadLocal<LineIndex> THREAD = ThreadLocal.withInitial(LineIndex::new);

        private final int[] lastByte = new int[256];
        private final int[] byteStamp = new int[256];
        private final int[] lastPair = new int[65536];
        private final int[] pairStamp = new int[65536];
        private int stamp;
        private Object key;
        private int end;

        static LineIndex of(Object key, byte[] utf8, int end) {
            LineIndex index = THREAD.get();
            if (index.key != key || index.end != end) {
                index.build(key, utf8, end);
            }
            return index;
        }

        private void build(Object key, byte[] utf8, int end) {
            this.key = key;
            this.end = end;
            if (++stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(byteStamp, 0);
                java.util.Arrays.fill(pairStamp, 0);
                stamp = 1;
            }
            int previous = -1;
            for (int i = 0; i < end; i++) {
                int b = utf8[i] & 0xFF;
                lastByte[b] = i;
                byteStamp[b] = stamp;
                if (previous >= 0) {
                    int pair = previous << 8 | b;
                    lastPair[pair] = i - 1;
                    pairStamp[pair] = stamp;
                }
                previous = b;
            }
        }

        int lastByte(byte b) {
            return byteStamp[b & 0xFF] == stamp ? lastByte[b & 0xFF] : -1;
        }

        int lastPair(byte a, byte b) {
            int pair = (a & 0xFF) << 8 | b & 0xFF;
            return pairStamp[pair] == stamp ? lastPair[pair] : -1;
        }
    }

    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** Recursive descent over the pattern text; every method returns the required set or null (none). */
    private static final class Parser {
        private final String p;

        Parser(String p) {
            this.p = p;
        }

        /** Alternatives of {@code p[from, to)} at depth 0: the union of theirs, null if any has none. */
        Set<String> alternation(int from, int to) throws Unsupported {
            Set<String> union = new LinkedHashSet<>();
            int[] bounds = PatternScanner.topLevelAlternatives(p, from, to);
            for (int k = 0; k + 1 < bounds.length; k++) {
                if (!addAll(union, sequence(bounds[k] + (k == 0 ? 0 : 1), bounds[k + 1]))) {
                    return null;
                }
            }
            return union;
        }

        private static boolean addAll(Set<String> union, Set<String> alt) {
            if (alt == null) {
                return false;
            }
            union.addAll(alt);
            return union.size() <= MAX_LITERALS;
        }

        /** One alternative (no top-level '|'): the best of its mandatory items, or null. */
        Set<String> sequence(int from, int to) throws Unsupported {
            Set<String> best = null;
            StringBuilder run = new StringBuilder();
            int i = from;
            while (i < to) {
                char c = p.charAt(i);
                Set<String> item = null;
                String literal = null;
                int next;
                if (c == '(') {
                    int close = PatternScanner.groupEnd(p, i);
                    if (close >= to) {
                        throw new Unsupported();
                    }
                    next = close + 1;
                    item = group(i, close);
                    if (item == ZERO_WIDTH) { // a look-around or option setting: nothing required
                        best = better(best, flush(run));
                        i = quantifier(next, to)[1];
                        continue;
                    }
                } else if (c == '[') {
                    next = PatternScanner.skipClass(p, i);
                    item = smallClass(i, next);
                } else if (c == '\\') {
                    next = escapeEnd(i, to);
                    int ch = escapedLiteral(i);
                    literal = ch < 0 ? null : String.valueOf((char) ch);
                } else if (c == '.' || c == '^' || c == '$') {
                    next = i + 1;
                } else if ("()|*+?".indexOf(c) >= 0) {
                    throw new Unsupported(); // unbalanced or a quantifier with nothing to repeat
                } else {
                    next = i + 1;
                    if (Character.isHighSurrogate(c) && next < to && Character.isLowSurrogate(p.charAt(next))) {
                        next++;
                    }
                    literal = p.substring(i, next);
                }
                int[] q = quantifier(next, to);
                if (literal != null && q[1] == next) {
                    run.append(literal); // a literal, not quantified: the run goes on
                } else {
                    best = better(best, flush(run));
                    if (q[0] > 0) {
                        best = better(best, literal != null ? Set.of(literal) : item);
                    }
                }
                i = q[1];
            }
            return better(best, flush(run));
        }

        private static final Set<String> ZERO_WIDTH = Set.of();
        private static final java.util.regex.Pattern INTERVAL = java.util.regex.Pattern.compile("\\d*(,\\d*)?");
        static final int MAX_CLASS = 10;

        /**
         * A class of a few plain ASCII chars ({@code [:;=]}, {@code [0-9]}, {@code [\\]}]}) as one-char literals;
         * null for anything else (negation, nesting, escapes standing for classes, non-ASCII, more than
         * {@link #MAX_CLASS} chars).
         */
        private Set<String> smallClass(int open, int end) {
            Set<String> out = new LinkedHashSet<>();
            int last = end - 1; // the closing ']'
            if (last <= open + 1 || p.charAt(last) != ']' || p.charAt(open + 1) == '^') {
                return null;
            }
            for (int j = open + 1; j < last; ) {
                char lo = p.charAt(j);
                if (lo == '[' || lo == '&' || lo >= 0x80) {
                    return null;
                }
                if (lo == '\\') {
                    lo = p.charAt(j + 1);
                    if (Character.isLetterOrDigit(lo) || lo >= 0x80) {
                        return null; // \w, \b (a backspace here), \x41...: not worth it
                    }
                    j++;
                }
                j++;
                if (j < last - 1 && p.charAt(j) == '-') { // a range (a '-' just before ']' is a literal)
                    char hi = p.charAt(j + 1);
                    if (hi == '\\' || hi == '[' || hi >= 0x80 || hi < lo || hi - lo + 1 > MAX_CLASS) {
                        return null;
                    }
                    for (char k = lo; k <= hi; k++) {
                        out.add(String.valueOf(k));
                    }
                    j += 2;
                } else {
                    out.add(String.valueOf(lo));
                }
            }
            return out.size() <= MAX_CLASS ? out : null;
        }

        /** The group {@code p[open..close]}: its required set, null, or {@link #ZERO_WIDTH}. */
        private Set<String> group(int open, int close) throws Unsupported {
            if (!p.startsWith("(?", open)) {
                return alternation(open + 1, close);
            }
            char k = open + 2 < close ? p.charAt(open + 2) : ')';
            switch (k) {
                case ':':
                case '>':
                case '=':
                    return alternation(open + 3, close);
                case '!':
                    return ZERO_WIDTH;
                case '<':
                    if (open + 3 < close && (p.charAt(open + 3) == '=' || p.charAt(open + 3) == '!')) {
                        return ZERO_WIDTH; // look-behind: reads text before the position
                    }
                    return alternation(p.indexOf('>', open) + 1, close); // named group
                case '\'':
                    return alternation(p.indexOf('\'', open + 3) + 1, close);
                default:
                    break;
            }
            // option settings: (?m) (?-m) (?m:...) only; 'i' and 'x' change what a literal is
            int j = open + 2;
            while (j < close && (p.charAt(j) == 'm' || p.charAt(j) == '-')) {
                j++;
            }
            if (j == open + 2) {
                throw new Unsupported(); // (?i) (?x) (?# ) (?( ) (?~ ) and anything else
            }
            if (j == close) {
                return ZERO_WIDTH;
            }
            if (p.charAt(j) == ':') {
                return alternation(j + 1, close);
            }
            throw new Unsupported();
        }

        /**
         * Index after the escape at {@code i}. Code escapes without braces ({@code \x41}, {@code \u00e9},
         * octal {@code \012}, back-references {@code \12}) take every hex digit after them (possibly more
         * than they use: the digits then count as no literal, which is only less filtering), {@code \cX} its
         * char; the rest as {@link PatternScanner#skipAtom}.
         */
        private int escapeEnd(int i, int to) {
            char e = i + 1 < to ? p.charAt(i + 1) : ' ';
            boolean braced = i + 2 < to && p.charAt(i + 2) == '{';
            if (e == 'x' && !braced || e == 'u' || e >= '0' && e <= '9') {
                int j = i + 2;
                while (j < to && Character.digit(p.charAt(j), 16) >= 0) {
                    j++;
                }
                return j;
            }
            if (e == 'c') {
                return Math.min(to, i + 3);
            }
            return PatternScanner.skipAtom(p, i);
        }

        /** The char an escape stands for when it is a plain literal, -1 when it is a class/anchor/etc. */
        private int escapedLiteral(int i) throws Unsupported {
            if (i + 1 >= p.length()) {
                throw new Unsupported();
            }
            char e = p.charAt(i + 1);
            switch (e) {
                case 't': return '\t';
                case 'n': return '\n';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return 0x0B;
                case 'e': return 0x1B;
                case 'a': return 0x07;
                default: break;
            }
            if (Character.isLetterOrDigit(e)) {
                if ("wWsSdDhHbBAzZGpPkgxuc0123456789RXKNOyY".indexOf(e) >= 0) {
                    return -1;
                }
                throw new Unsupported(); // \Q, \M, \C and whatever else: not understood
            }
            return e < 0x80 ? e : -1; // escaped punctuation is the char itself
        }

        /** {@code [min, end]} of the quantifiers at {@code i} ({@code min} 1 and {@code end == i} if none). */
        private int[] quantifier(int i, int to) {
            int min = 1;
            boolean first = true;
            while (i < to) {
                char c = p.charAt(i);
                if (c == '*' || c == '?' && first) {
                    min = 0;
                    i++;
                } else if (c == '+' || c == '?') {
                    i++; // '+' keeps the minimum; '?' after a quantifier makes it lazy
                } else if (c == '{') {
                    int close = p.indexOf('}', i);
                    String body = close < 0 ? "" : p.substring(i + 1, close);
                    if (!INTERVAL.matcher(body).matches() || body.isEmpty() || body.equals(",")) {
                        break; // not an interval: a literal '{'
                    }
                    int comma = body.indexOf(',');
                    String lo = comma < 0 ? body : body.substring(0, comma);
                    if (lo.isEmpty() || Integer.parseInt(lo) == 0) {
                        min = 0;
                    }
                    i = close + 1;
                } else {
                    break;
                }
                first = false;
            }
            return new int[] {min, i};
        }

        private static Set<String> flush(StringBuilder run) {
            if (run.length() == 0) {
                return null;
            }
            Set<String> s = Set.of(run.toString());
            run.setLength(0);
            return s;
        }

        /** The set whose shortest literal is longer (fewer literals on a tie). */
        private static Set<String> better(Set<String> a, Set<String> b) {
            if (a == null || a.isEmpty()) {
                return b == null || b.isEmpty() ? null : b;
            }
            if (b == null || b.isEmpty()) {
                return a;
            }
            int la = shortest(a);
            int lb = shortest(b);
            return lb > la || lb == la && b.size() < a.size() ? b : a;
        }

        private static int shortest(Set<String> s) {
            int m = Integer.MAX_VALUE;
            for (String x : s) {
                m = Math.min(m, x.getBytes(StandardCharsets.UTF_8).length);
            }
            return m;
        }
    }
}
