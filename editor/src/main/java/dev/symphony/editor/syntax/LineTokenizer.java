package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.grammar.IGrammar;
import dev.secondsun.tm4e.core.grammar.ITokenizeLineResult2;
import dev.secondsun.tm4e.core.grammar.StackElement;

/**
 * Tokenizes single lines with one grammar under one theme and turns TM4E's packed tokens into
 * {@link LineStyles}. Lines longer than the cap are tokenized up to the cap only; the rest is one plain
 * run. TM4E 0.4.8 cannot be interrupted inside a line, so the cap shrinks (down to {@link #MIN_CAP}) after
 * a line that took longer than {@link #SLOW_LINE_NANOS}: one pathological line cannot stall every later one.
 */
final class LineTokenizer {

    static final int DEFAULT_CAP = 10_000;
    static final int MIN_CAP = 1_000;
    static final long SLOW_LINE_NANOS = 50_000_000L;
    private static final int STYLE_SHIFT = 11; // MetadataConsts.FONT_STYLE_OFFSET: font style then foreground
    private static final int STYLE_MASK = 0xFFF;

    private final IGrammar grammar;
    private final int plainStyle;
    private int cap = DEFAULT_CAP;
    private final LineMemo memo = new LineMemo();

    LineTokenizer(Language language, Theme theme) {
        this.grammar = theme.grammars().grammar(language.scopeName());
        this.plainStyle = theme.defaultStyleId();
    }

    int cap() {
        return cap;
    }

    /** Tokenizes {@code line} (no terminator) from {@code state} (null = start of document). */
    Result tokenize(String line, StackElement state) {
        Result hit = memo.get(line, state);
        if (hit != null) {
            return hit;
        }
        Result r = tokenizeUncached(line, state);
        memo.put(line, state, r);
        return r;
    }

    /** Share of lines answered from the memo (repeated lines in the same state). */
    double memoHitRate() {
        return memo.hitRate();
    }

    private Result tokenizeUncached(String line, StackElement state) {
        String text = line.length() > cap ? line.substring(0, cap) : line;
        long t0 = System.nanoTime();
        ITokenizeLineResult2 r;
        synchronized (grammar) { // TM4E grammars compile rules lazily and cache searches: not thread-safe
            try {
                r = grammar.tokenizeLine2(text, state);
            } catch (StackOverflowError e) {
                // a capture that re-enters its own rule without consuming text recurses without end in
                // TM4E 0.4.8 (seen with marko); the line stays plain and the state is kept
                return new Result(new LineStyles(new int[] {0, plainStyle}), state);
            }
        }
        if (System.nanoTime() - t0 > SLOW_LINE_NANOS && cap > MIN_CAP) {
            cap = Math.max(MIN_CAP, cap / 4);
        }
        int[] tokens = r.getTokens();
        if (hasSurrogates(text)) {
            toUtf16(tokens, text);
        }
        return new Result(styles(tokens, text.length(), line.length()), r.getRuleStack());
    }

    private static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * TM4E 0.4.8 reports token offsets in code points, not UTF-16 units (its UTF-8 → UTF-16 offset
     * conversion counts a 4-byte character as one unit): after an emoji every offset was one short.
     */
    private static void toUtf16(int[] tokens, String text) {
        int cp = 0;
        int unit = 0;
        for (int i = 0; i < tokens.length; i += 2) {
            int target = tokens[i];
            while (cp < target && unit < text.length()) {
                unit += Character.charCount(text.codePointAt(unit));
                cp++;
            }
            tokens[i] = cp < target ? text.length() + (target - cp) : unit;
        }
    }

    private LineStyles styles(int[] tokens, int tokenized, int length) {
        int[] runs = new int[tokens.length + 2];
        int n = 0;
        int last = -1;
        for (int i = 0; i < tokens.length; i += 2) {
            int start = Math.min(tokens[i], tokenized);
            int style = tokens[i + 1] >>> STYLE_SHIFT & STYLE_MASK;
            if (style == last) {
                continue;
            }
            if (n > 0 && runs[n - 2] == start) {
                n -= 2; // an empty run: the later one wins
            }
            runs[n++] = start;
            runs[n++] = style;
            last = style;
        }
        if (length > tokenized && last != plainStyle) {
            runs[n++] = tokenized;
            runs[n++] = plainStyle;
        }
        if (n == 0) {
            return new LineStyles(new int[] {0, plainStyle});
        }
        return new LineStyles(n == runs.length ? runs : java.util.Arrays.copyOf(runs, n));
    }

    record Result(LineStyles styles, StackElement endState) {
    }
}
