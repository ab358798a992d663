package dev.symphony.editor.syntax;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jcodings.specific.UTF8Encoding;
import org.joni.Option;
import org.joni.Regex;
import org.joni.Syntax;
import org.joni.WarnCallback;

/**
 * Rewrites Oniguruma 6.9 patterns (what VS Code and shiki run) into what joni 2.1 (TM4E's engine, an
 * older Oniguruma port) accepts, when loading a grammar. Only patterns that need it change:
 * <ol>
 *   <li>Possessive interval {@code X{n,m}} with n &gt; m (Oniguruma 6.9 syntax, joni: "upper is smaller
 *       than lower"): {@code +{1,0}} becomes {@code *+}, other {@code {n,m}} become {@code {m,n}}.</li>
 *   <li>A {@code ]} that closes nothing, or opens a character class ({@code []abc]}, {@code [^]]}), is escaped
 *       (same meaning; joni would print a warning on stderr for each).</li>
 *   <li>Look-behinds joni rejects ("invalid pattern in look-behind": Oniguruma 6.9 accepts alternatives of
 *       different lengths inside groups and some variable-length bodies). First the body's non-capturing
 *       groups with alternatives and optional atoms are distributed into top-level alternatives of fixed
 *       length, which joni accepts ({@code (?<=(?:\W|^)x)} → {@code (?<=\Wx|^x)}); if that still fails (a
 *       truly variable-length body such as {@code (?<=^\s*)}) the look-behind is dropped, keeping an empty
 *       group per capturing group inside so capture numbers stay: a positive one then matches more
 *       (a rule may start a little early), a negative one matches everywhere.</li>
 * </ol>
 * Back-references in {@code end}/{@code while} patterns are replaced by TM4E with the begin match's text
 * before compiling, so they are checked as literals here.
 */
final class PatternRewriter {

    private static final int MAX_ALTERNATIVES = 64;

    private PatternRewriter() {
    }

    static boolean isPatternKey(String key) {
        return key.equals("match") || key.equals("begin") || key.equals("end") || key.equals("while");
    }

    /** @param backReferencesAreLiterals true for end/while patterns (TM4E substitutes the begin captures) */
    static String rewrite(String pattern, boolean backReferencesAreLiterals) {
        String p = possessiveIntervals(pattern);
        p = escapeStrayBrackets(p);
        if ((p.contains("(?<=") || p.contains("(?<!")) && !PatternScanner.lookBehindsArePlain(p)) {
            p = lookBehinds(p, backReferencesAreLiterals);
        }
        return p;
    }

    /** True if joni compiles {@code pattern}; back-references are read as literals if {@code literalBackReferences}. */
    static boolean compiles(String pattern, boolean literalBackReferences) {
        String p = literalBackReferences ? withoutBackReferences(pattern) : pattern;
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        try {
            new Regex(b, 0, b.length, Option.CAPTURE_GROUP, UTF8Encoding.INSTANCE, Syntax.DEFAULT, WarnCallback.NONE);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // --- 1. possessive intervals ---------------------------------------------------------------------

    static String possessiveIntervals(String p) {
        if (!p.contains("{")) {
            return p;
        }
        StringBuilder out = new StringBuilder(p.length());
        boolean afterQuantifier = false;
        for (int i = 0; i < p.length(); ) {
            int next = PatternScanner.skipAtom(p, i);
            if (afterQuantifier && p.startsWith("{0,1}", i) && out.length() > 0) {
                // X+{0,1} and X*{0,1} are X* (joni warns "nested repeat operator" on stderr for each)
                out.setCharAt(out.length() - 1, '*');
                i += 5;
                afterQuantifier = true;
                continue;
            }
            afterQuantifier = next == i + 1 && (p.charAt(i) == '+' || p.charAt(i) == '*');
            if (p.charAt(i) == '{') {
                int close = p.indexOf('}', i);
                String body = close < 0 ? "" : p.substring(i + 1, close);
                if (body.matches("\\d+,\\d+")) {
                    int n = Integer.parseInt(body.substring(0, body.indexOf(',')));
                    int m = Integer.parseInt(body.substring(body.indexOf(',') + 1));
                    if (n > m) {
                        if (n == 1 && m == 0 && out.length() > 0 && out.charAt(out.length() - 1) == '+') {
                            out.setLength(out.length() - 1);
                            out.append("*+");
                        } else {
                            out.append('{').append(m).append(',').append(n).append('}');
                        }
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(p, i, next);
            i = next;
        }
        return out.toString();
    }

    // --- 2. stray brackets -----------------------------------------------------------------------------

    static String escapeStrayBrackets(String p) {
        if (p.indexOf(']') < 0) {
            return p;
        }
        StringBuilder out = new StringBuilder(p.length() + 4);
        for (int i = 0; i < p.length(); ) {
            char c = p.charAt(i);
            if (c == '[') {
                int end = PatternScanner.skipClass(p, i);
                out.append(PatternScanner.escapeLeadingBracket(p.substring(i, end)));
                i = end;
            } else if (c == ']') {
                out.append("\\]");
                i++;
            } else {
                int next = PatternScanner.skipAtom(p, i);
                out.append(p, i, next);
                i = next;
            }
        }
        return out.toString();
    }

    // --- 3. look-behinds -------------------------------------------------------------------------------

    static String lookBehinds(String p, boolean literalRefs) {
        if (compiles(p, literalRefs)) {
            return p;
        }
        return lookBehinds(p, literalRefs, leadingFlags(p));
    }

    /** A leading {@code (?i)}-style option group: it changes what a look-behind may contain ((?i) "ss" ~ "ß"). */
    private static String leadingFlags(String p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\(\\?[imx]+\\)").matcher(p);
        return m.find() ? m.group() : "";
    }

    private static String lookBehinds(String p, boolean literalRefs, String flags) {
        StringBuilder out = new StringBuilder(p.length());
        int i = 0;
        while (i < p.length()) {
            int at = PatternScanner.nextLookBehind(p, i);
            if (at < 0) {
                out.append(p, i, p.length());
                break;
            }
            out.append(p, i, at);
            int end = PatternScanner.groupEnd(p, at); // index of the closing ')'
            String head = p.substring(at, at + 4);   // "(?<=" or "(?<!"
            String body = lookBehinds(p.substring(at + 4, end), literalRefs, flags); // nested ones first
            out.append(fixLookBehind(head, body, literalRefs, flags));
            i = end + 1;
        }
        return out.toString();
    }

    private static String fixLookBehind(String head, String body, boolean literalRefs, String flags) {
        String whole = head + body + ")";
        if (compiles(flags + whole, literalRefs)) {
            return whole;
        }
        if (PatternScanner.capturingGroups(body) == 0) {
            List<String> alts = alternatives(body);
            if (alts != null) {
                String expanded = head + String.join("|", alts) + ")";
                if (compiles(flags + expanded, literalRefs)) {
                    return expanded;
                }
            }
        }
        return "(?:)" + "()".repeat(PatternScanner.capturingGroups(body));
    }

    /** The body as top-level alternatives with groups and '?' distributed, or null if there would be too many. */
    static List<String> alternatives(String body) {
        List<String> done = new ArrayList<>();
        List<String> work = new ArrayList<>(PatternScanner.splitTopLevel(body));
        while (!work.isEmpty()) {
            String alt = work.remove(0);
            List<String> expanded = PatternScanner.expandFirst(alt);
            if (expanded == null) {
                done.add(alt);
            } else {
                work.addAll(0, expanded); // depth first keeps the original order of alternatives
            }
            if (done.size() + work.size() > MAX_ALTERNATIVES) {
                return null;
            }
        }
        return done;
    }

    private static String withoutBackReferences(String p) {
        if (p.indexOf('\\') < 0) {
            return p;
        }
        StringBuilder out = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); ) {
            int next = PatternScanner.skipAtom(p, i);
            if (p.charAt(i) == '\\' && next == i + 2 && Character.isDigit(p.charAt(i + 1)) && p.charAt(i + 1) != '0') {
                out.append('x');
            } else {
                out.append(p, i, next);
            }
            i = next;
        }
        return out.toString();
    }
}
