package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.grammar.StackElement;
import dev.symphony.editor.text.Rope;

/**
 * Single-thread highlighting throughput over a document, the way a {@link SyntaxSession}'s worker does it
 * (line from the rope, tokenize from the previous end state, build {@link LineStyles}). What
 * {@code symphony bench editor-view} reports as {@code highlightLinesPerSec}.
 */
public final class HighlightThroughput {

    /** Lines tokenized and the nanoseconds it took. */
    /** {@code memoHitRate}: share of lines answered from the tokenizer's memo of repeated lines. */
    public record Result(long lines, long nanos, double memoHitRate) {
        public double linesPerSecond() {
            return nanos == 0 ? 0 : lines * 1e9 / nanos;
        }
    }

    private HighlightThroughput() {
    }

    /**
     * Tokenizes {@code text} from line {@code fromLine} in order, for at most {@code maxLines} lines or
     * {@code budgetNanos}, whichever ends first. The grammar is loaded before the clock starts.
     */
    public static Result measure(Language language, Theme theme, Rope text, int fromLine, int maxLines, long budgetNanos) {
        LineTokenizer tk = new LineTokenizer(language, theme);
        StackElement state = null;
        int last = Math.min(text.lineCount(), fromLine + maxLines);
        long t0 = System.nanoTime();
        long deadline = budgetNanos > Long.MAX_VALUE - t0 ? Long.MAX_VALUE : t0 + budgetNanos;
        int line = fromLine;
        LineReader lines = new LineReader(text, fromLine, last - 1);
        for (; line < last; line++) {
            state = tk.tokenize(lines.next(), state).endState();
            if ((line & 63) == 0 && System.nanoTime() > deadline) {
                line++;
                break;
            }
        }
        return new Result(line - fromLine, System.nanoTime() - t0, tk.memoHitRate());
    }
}
