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
    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingInt((Scored m) -> -m.score())
            .thenComparingInt(m -> m.path().length()).thenComparing(Scored::path);

    /** A path and its score: what the ranking keeps while it scans (the matched positions only for the shown ones). */
    private record Scored(String path, int score) {
    }

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
        // The best `room` scores in a heap whose head is the worst kept: sorting every match of a short
        // query (most of 100,000 paths) cost more than scoring them. Scoring reuses one scorer's rows (a
        // match per path made two query-by-path tables: ~240 MB of garbage per keystroke over 100,000
        // paths); the positions to highlight are worked out for the shown paths only.
        FuzzyMatcher.Scorer scorer = FuzzyMatcher.scorer(q);
        PriorityQueue<Scored> best = new PriorityQueue<>(room + 1, BEST_FIRST.reversed());
        for (String rel : candidates(lower, files)) {
            if (seen.contains(rel)) {
                continue;
            }
            Scored worst = best.peek();
            if (best.size() == room && scorer.bound(rel.length()) < worst.score()) {
                continue; // even its best possible score would not be shown
            }
            int score = scorer.score(rel);
            if (score == FuzzyMatcher.NO_MATCH) {
                continue;
            }
            if (best.size() < room || score > worst.score() || score == worst.score()
                    && BEST_FIRST.compare(new Scored(rel, score), worst) < 0) {
                best.add(new Scored(rel, score));
                if (best.size() > room) {
                    best.poll();
                }
            }
        }
        List<Scored> top = new ArrayList<>(best);
        top.sort(BEST_FIRST);
        for (Scored m : top) {
            FuzzyMatcher.match(q, m.path()).ifPresent(out::add);
        }
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
