package dev.symphony.editor.search;

import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Find next / previous / all over one rope snapshot. Matches are found in the CharSequence view, not a copy. */
public final class Searcher {

    private final Rope rope;
    private final Pattern pattern;

    public Searcher(Rope rope, SearchQuery query) {
        this(rope, query.compile());
    }

    public Searcher(Rope rope, Pattern pattern) {
        this.rope = rope;
        this.pattern = pattern;
    }

    /** First match starting at or after {@code from}; wraps to the start when {@code wrap}. */
    public Optional<TextRange> next(int from, boolean wrap) {
        Matcher m = pattern.matcher(rope.asCharSequence());
        if (from <= rope.length() && m.find(Math.max(0, from))) {
            return Optional.of(new TextRange(m.start(), m.end()));
        }
        if (wrap && from > 0 && m.find(0)) {
            return Optional.of(new TextRange(m.start(), m.end()));
        }
        return Optional.empty();
    }

    /**
     * Last match that starts before {@code before}. Searches backwards in growing windows so the
     * common case (a match close above the cursor) does not scan the whole document.
     */
    public Optional<TextRange> previous(int before, boolean wrap) {
        Optional<TextRange> found = lastStartingIn(0, Math.min(before, rope.length() + 1));
        if (found.isEmpty() && wrap) {
            found = lastStartingIn(Math.max(0, before), rope.length() + 1);
        }
        return found;
    }

    private Optional<TextRange> lastStartingIn(int lo, int hi) {
        Matcher m = pattern.matcher(rope.asCharSequence());
        int window = 4096;
        int start = hi;
        while (start > lo) {
            start = Math.max(lo, start - window);
            TextRange last = null;
            int pos = start;
            while (pos <= rope.length() && m.find(pos) && m.start() < hi) {
                last = new TextRange(m.start(), m.end());
                pos = m.end() > m.start() ? m.end() : m.start() + 1;
            }
            if (last != null && last.start() >= start) {
                return Optional.of(last);
            }
            if (last != null && start == lo) {
                return Optional.of(last);
            }
            window *= 4;
        }
        return Optional.empty();
    }

    public List<TextRange> all() {
        List<TextRange> out = new ArrayList<>();
        Matcher m = pattern.matcher(rope.asCharSequence());
        while (m.find()) {
            out.add(new TextRange(m.start(), m.end()));
        }
        return out;
    }
}
