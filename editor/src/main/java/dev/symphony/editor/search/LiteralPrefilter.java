package dev.symphony.editor.search;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a literal string that every match of a regex must contain (like ripgrep's "required
 * literal"), so that replace-all can skip every line without it using the vectorised
 * {@code String.indexOf}. Conservative: any construct it does not understand ends the current run,
 * and patterns with alternation, inline flags or case-insensitivity get no prefilter at all.
 */
public final class LiteralPrefilter {

    private LiteralPrefilter() {
    }

    public static Optional<String> requiredLiteral(Pattern pattern) {
        if ((pattern.flags() & (Pattern.CASE_INSENSITIVE | Pattern.COMMENTS | Pattern.LITERAL)) != 0) {
            return (pattern.flags() & Pattern.LITERAL) != 0 && (pattern.flags() & Pattern.CASE_INSENSITIVE) == 0
                    ? Optional.of(pattern.pattern()).filter(s -> !s.isEmpty()) : Optional.empty();
        }
        String p = pattern.pattern();
        if (p.contains("(?") || p.contains("\\Q")) {
            return Optional.empty();
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '|') {
                return Optional.empty();
            }
            if (c == '\\' && i + 1 < p.length()) {
                char e = p.charAt(i + 1);
                if (Character.isLetterOrDigit(e)) {
                    best = longer(best, run);
                    run.setLength(0);
                } else {
                    run.append(e);
                }
                i += 2;
            } else if (c == '[') {
                best = longer(best, run);
                run.setLength(0);
                i = skipClass(p, i);
            } else if (c == '(') {
                best = longer(best, run);
                run.setLength(0);
                int close = skipGroup(p, i);
                if (close < 0) {
                    return Optional.empty();
                }
                i = close;
            } else if (c == '*' || c == '?' || c == '{') {
                // The previous atom is optional: drop it from the run.
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                best = longer(best, run);
                run.setLength(0);
                i = c == '{' ? Math.max(p.indexOf('}', i), i) + 1 : i + 1;
                i = skipQuantifierSuffix(p, i);
            } else if (c == '+') {
                best = longer(best, run);
                run.setLength(0);
                i = skipQuantifierSuffix(p, i + 1);
            } else if (c == '.' || c == '^' || c == '$' || c == ')') {
                best = longer(best, run);
                run.setLength(0);
                i++;
            } else {
                run.append(c);
                i++;
            }
        }
        best = longer(best, run);
        return best.length() >= 2 ? Optional.of(best) : Optional.empty();
    }

    private static int skipQuantifierSuffix(String p, int i) {
        return i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+') ? i + 1 : i;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    /** Index after the class that starts at {@code i} (nested classes and escapes allowed). */
    private static int skipClass(String p, int i) {
        int depth = 0;
        int j = i;
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                if (j + 1 < p.length() && p.charAt(j + 1) == '^') {
                    j++;
                }
                if (j + 1 < p.length() && p.charAt(j + 1) == ']') {
                    j++;
                }
            } else if (c == ']' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return p.length();
    }

    /** Index after the group that starts at {@code i}, and any quantifier after it; -1 if unbalanced. */
    private static int skipGroup(String p, int i) {
        int depth = 0;
        int j = i;
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                j = skipClass(p, j);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                j++;
                if (j < p.length() && (p.charAt(j) == '*' || p.charAt(j) == '?' || p.charAt(j) == '+')) {
                    j = skipQuantifierSuffix(p, j + 1);
                } else if (j < p.length() && p.charAt(j) == '{') {
                    j = skipQuantifierSuffix(p, Math.max(p.indexOf('}', j), j) + 1);
                }
                return j;
            }
            j++;
        }
        return -1;
    }
}
