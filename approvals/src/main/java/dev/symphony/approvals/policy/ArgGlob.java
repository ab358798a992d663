package dev.symphony.approvals.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A pattern over one command-line word: {@code *} any characters, {@code ?} one character, everything else
 * literal ({@code -*r*} matches {@code -rf} and {@code -fr}). Words are not paths, so {@code /} is not special.
 */
final class ArgGlob {
    private ArgGlob() {
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? "(?s:.*)" : "(?s:.)");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }

    static boolean any(List<Pattern> globs, String word) {
        for (Pattern p : globs) {
            if (p.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }
}
