package dev.symphony.editor.text;

import java.util.Optional;

/**
 * The single edit that turns one text into another, keeping their common start and end (a file
 * reloaded after an outside change usually differs in a few lines: carets, scroll position, undo
 * history and incremental highlighting outside them stay as they were).
 */
public final class MinimalEdit {
    private static final int CHUNK = 8192;

    private MinimalEdit() {
    }

    /** Empty when the texts are equal. */
    public static Optional<TextEdit> between(Rope from, Rope to) {
        int prefix = commonPrefix(from, to);
        int fromLen = from.length();
        int toLen = to.length();
        if (prefix == fromLen && prefix == toLen) {
            return Optional.empty();
        }
        int suffix = commonSuffix(from, to, Math.min(fromLen, toLen) - prefix);
        return Optional.of(new TextEdit(prefix, fromLen - suffix, to.substring(prefix, toLen - suffix)));
    }

    private static int commonPrefix(Rope a, Rope b) {
        int max = Math.min(a.length(), b.length());
        int p = 0;
        while (p < max) {
            int end = Math.min(max, p + CHUNK);
            String x = a.substring(p, end);
            String y = b.substring(p, end);
            int i = 0;
            while (i < x.length() && x.charAt(i) == y.charAt(i)) {
                i++;
            }
            p += i;
            if (i < x.length()) {
                break;
            }
        }
        // never split a surrogate pair
        return p > 0 && p < max && Character.isHighSurrogate(a.charAt(p - 1)) ? p - 1 : p;
    }

    /** Common suffix length, at most {@code max} (so it never overlaps the common prefix). */
    private static int commonSuffix(Rope a, Rope b, int max) {
        int aLen = a.length();
        int bLen = b.length();
        int s = 0;
        while (s < max) {
            int n = Math.min(CHUNK, max - s);
            String x = a.substring(aLen - s - n, aLen - s);
            String y = b.substring(bLen - s - n, bLen - s);
            int i = 0;
            while (i < n && x.charAt(n - 1 - i) == y.charAt(n - 1 - i)) {
                i++;
            }
            s += i;
            if (i < n) {
                break;
            }
        }
        return s > 0 && s < max && Character.isLowSurrogate(a.charAt(aLen - s)) ? s - 1 : s;
    }
}
