package dev.symphony.samples.tinylm.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Characters ↔ token ids. Id 0 is the unknown token (any character not seen often enough in the training text,
 * and every surrogate, so a sampled token is always a whole character); ids 1..n are the known characters in
 * code-point order, so a vocabulary is fully described by its string of characters.
 */
public final class CharVocabulary {
    public static final int UNKNOWN = 0;
    /** How an unknown token reads when it must be shown. */
    public static final char UNKNOWN_CHAR = '\uFFFD';
    private final String chars;
    private final Map<Character, Integer> ids = new HashMap<>();

    public CharVocabulary(String chars) {
        this.chars = chars;
        for (int i = 0; i < chars.length(); i++) {
            if (ids.put(chars.charAt(i), i + 1) != null) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(chars.charAt(i)) + " is listed twice");
            }
        }
    }

    /** The characters of {@code text} seen at least {@code minCount} times (surrogates excluded). */
    public static CharVocabulary of(CharSequence text, int minCount) {
        int[] counts = new int[Character.MAX_VALUE + 1];
        for (int i = 0; i < text.length(); i++) {
            counts[text.charAt(i)]++;
        }
        StringBuilder kept = new StringBuilder();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] >= minCount && !Character.isSurrogate((char) c)) {
                kept.append((char) c);
            }
        }
        return new CharVocabulary(kept.toString());
    }

    /** Number of token ids, the unknown token included. */
    public int size() {
        return chars.length() + 1;
    }

    public String chars() {
        return chars;
    }

    public int id(char c) {
        return ids.getOrDefault(c, UNKNOWN);
    }

    public char character(int id) {
        return id == UNKNOWN ? UNKNOWN_CHAR : chars.charAt(id - 1);
    }

    public int[] encode(CharSequence text) {
        int[] out = new int[text.length()];
        Arrays.setAll(out, i -> id(text.charAt(i)));
        return out;
    }
}
