package dev.symphony.ui.quickopen;

import dev.symphony.kernel.commands.FuzzyMatch;
import dev.symphony.kernel.commands.FuzzyMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Quick Open's ranking: recently opened files first (most recent first), then the best fuzzy
 * matches of the path. Typing narrows: when the query extends the last one over the same index
 * snapshot, only the paths that held the last query as a subsequence are tried again (a path that
 * lacks "ab" lacks "abc"), so a keystroke after the first touches a shrinking list, not every file.
 * One instance per Quick Open (not thread-safe; it runs on the JavaFX thread).
 */
final class QuickOpenRanker {

    /** Higher score first, then the shorter path, then path order. */
    private static final Comparator<FuzzyMatch<String>> BEST_FIRST = Comparator.comparingInt((FuzzyMatch<String> m) -> -m.score())
            .thenComparingInt(m -> m.text().length()).thenComparing(FuzzyMatch::text);

    private final int maxResults;
    private List<String> narrowedFrom;
    private String narrowedQuery;
    private List<String> narrowed;

    QuickOpenRanker(int maxResults) {
        this.maxResults = maxResults;
    }

    List<FuzzyMatch<String>> rank(String q, List<String> files, List<String> recentOldestFirst) {
        List<FuzzyMatch<String>> out = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = recentOldestFirst.size() - 1; i >= 0 && out.size() < maxResults; i--) {
            String rel = recentOldestFirst.get(i);
            FuzzyMatcher.match(q, rel).ifPresent(m -> {
                out.add(m);
                seen.add(rel);
            });
        }
        String lower = q.toLowerCase(Locale.ROOT).replace(" ", "");
        if (lower.isEmpty()) { // nothing typed: recent files, then the index in path order
            for (int i = 0; i < files.size() && out.size() < maxResults; i++) {
                if (!seen.contains(files.get(i))) {
                    out.add(new FuzzyMatch<>(files.get(i), files.get(i), 0, new int[0]));
                }
            }
            return out;
        }
        int room = maxResults - out.size();
        if (room <= 0) {
            return out;
        }
        // The best `room` matches in a heap whose head is the worst kept: sorting every match of a short
        // query (most of 100,000 paths) cost more than scoring them.
        PriorityQueue<FuzzyMatch<String>> best = new PriorityQueue<>(room + 1, BEST_FIRST.reversed());
        for (String rel : candidates(lower, files)) {
            if (seen.contains(rel)) {
                continue;
            }
            FuzzyMatch<String> m = FuzzyMatcher.match(q, rel).orElse(null);
            if (m != null && (best.size() < room || BEST_FIRST.compare(m, best.peek()) < 0)) {
                best.add(m);
                if (best.size() > room) {
                    best.poll();
                }
            }
        }
        List<FuzzyMatch<String>> top = new ArrayList<>(best);
        top.sort(BEST_FIRST);
        out.addAll(top);
        return out;
    }

    /** The paths holding {@code lower} as a case-blind subsequence (cheap test first: most paths fail it). */
    private List<String> candidates(String lower, List<String> files) {
        List<String> base = narrowedFrom == files && narrowedQuery != null && lower.startsWith(narrowedQuery) ? narrowed : files;
        List<String> out = new ArrayList<>();
        for (String rel : base) {
            if (isSubsequence(lower, rel)) {
                out.add(rel);
            }
        }
        narrowedFrom = files;
        narrowedQuery = lower;
        narrowed = out;
        return out;
    }

    private static boolean isSubsequence(String lowerQuery, String text) {
        int j = 0;
        for (int i = 0; i < text.length() && j < lowerQuery.length(); i++) {
            if (Character.toLowerCase(text.charAt(i)) == lowerQuery.charAt(j)) {
                j++;
            }
        }
        return j == lowerQuery.length();
    }
}
