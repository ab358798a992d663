package dev.symphony.editor.search;

import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replace-all with {@code sed -E 's/RE/REPL/g'} semantics: the pattern is applied to each line on its
 * own (a match never spans a line break, {@code ^}/{@code $} anchor at the line's ends), and an empty
 * match right where the previous match ended is skipped. A pattern that mentions {@code \n} is applied
 * to the whole text instead (in MULTILINE mode), so it can join lines.
 *
 * <p>Speed: when the pattern has a required literal ({@link LiteralPrefilter}), only lines that
 * contain it are handed to the regex engine; the result is assembled by
 * {@link Rope#applyAll(List)}, which shares every untouched chunk.
 */
public final class LineReplacer {

    /** Outcome: the new text and how many matches were replaced. */
    public record Result(Rope text, int matches) {
    }

    /** Texts from this length on are replaced in two halves on two threads (per-line patterns only). */
    static final int PARALLEL_MIN = 4 << 20;

    private final Pattern pattern;
    private final ReplacementTemplate template;
    private final boolean wholeText;
    private final Optional<String> literal;
    private final int parallelMin;

    /** The two-thread threshold can be moved with {@code -Dsymphony.editor.parallelMin=CHARS} (as for {@code TextDecoder}). */
    public LineReplacer(Pattern pattern, String replacement) {
        this(pattern, replacement, Integer.getInteger("symphony.editor.parallelMin", PARALLEL_MIN));
    }

    /** Tests lower {@code parallelMin} to run the two-thread path on small texts. */
    LineReplacer(Pattern pattern, String replacement, int parallelMin) {
        this.parallelMin = parallelMin;
        this.wholeText = pattern.pattern().contains("\\n") || pattern.pattern().indexOf('\n') >= 0;
        this.pattern = wholeText && (pattern.flags() & Pattern.MULTILINE) == 0
                ? Pattern.compile(pattern.pattern(), pattern.flags() | Pattern.MULTILINE) : pattern;
        this.template = ReplacementTemplate.parse(replacement, this.pattern);
        this.literal = wholeText ? Optional.empty() : LiteralPrefilter.requiredLiteral(this.pattern);
    }

    public Optional<String> prefilterLiteral() {
        return literal;
    }

    Pattern pattern() {
        return pattern;
    }

    ReplacementTemplate template() {
        return template;
    }

    /** Replaces every match; thread-safe (each call uses its own matchers). */
    public Result replaceAll(Rope rope) {
        int len = rope.length();
        if (!wholeText && len >= parallelMin && Runtime.getRuntime().availableProcessors() > 1) {
            int lf = rope.indexOf("\n", len / 2);
            if (lf >= 0 && lf + 1 < len) {
                return inHalves(rope, lf + 1);
            }
        }
        return replaceSequentially(rope);
    }

    /**
     * The cut follows an LF, so no line spans it and the halves are independent: the second is
     * replaced on another thread, and the results are joined in O(log n).
     */
    private Result inHalves(Rope rope, int cut) {
        Rope second = rope.slice(cut, rope.length());
        Result[] other = new Result[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                other[0] = replaceSequentially(second);
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "replace-all");
        worker.start();
        Result one = replaceSequentially(rope.slice(0, cut));
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException) {
            throw (RuntimeException) failure[0];
        }
        if (failure[0] != null) {
            throw (Error) failure[0];
        }
        int matches = one.matches() + other[0].matches();
        return new Result(matches == 0 ? rope : one.text().concat(other[0].text()), matches);
    }

    private Result replaceSequentially(Rope rope) {
        List<TextEdit> edits = new ArrayList<>();
        CharSequence view = rope.asCharSequence();
        Matcher m = pattern.matcher(view);
        m.useAnchoringBounds(true).useTransparentBounds(false);
        StringBuilder repl = new StringBuilder();
        int len = rope.length();
        if (wholeText) {
            replaceIn(m, view, 0, len, edits, repl);
        } else if (literal.isPresent()) {
            LiteralScanner hits = new LiteralScanner(rope, literal.get());
            int done = 0;
            for (int hit = hits.next(); hit >= 0; hit = hits.next()) {
                if (hit < done) {
                    continue;
                }
                int start = lineStartBefore(view, hit);
                int end = lineEndAfter(view, hit + literal.get().length(), len);
                replaceIn(m, view, start, end, edits, repl);
                done = end;
            }
        } else if (len > 0) {
            int start = 0;
            while (start <= len) {
                int end = lineEndAfter(view, start, len);
                replaceIn(m, view, start, end, edits, repl);
                if (end >= len) {
                    break;
                }
                start = end + (view.charAt(end) == '\r' && end + 1 < len && view.charAt(end + 1) == '\n' ? 2 : 1);
                if (start == len) {
                    break;
                }
            }
        }
        return new Result(edits.isEmpty() ? rope : rope.applyAll(edits), edits.size());
    }

    private void replaceIn(Matcher m, CharSequence view, int start, int end, List<TextEdit> edits, StringBuilder repl) {
        m.region(start, end);
        int prevEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == prevEnd) {
                continue;
            }
            repl.setLength(0);
            template.expand(m, view, repl);
            edits.add(new TextEdit(m.start(), m.end(), repl.toString()));
            prevEnd = m.end();
        }
    }

    private static int lineStartBefore(CharSequence view, int pos) {
        int i = pos;
        while (i > 0) {
            char c = view.charAt(i - 1);
            if (c == '\n' || c == '\r') {
                break;
            }
            i--;
        }
        return i;
    }

    private static int lineEndAfter(CharSequence view, int pos, int len) {
        int i = pos;
        while (i < len) {
            char c = view.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        return i;
    }
}
