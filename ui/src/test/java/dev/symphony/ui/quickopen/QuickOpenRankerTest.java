package dev.symphony.ui.quickopen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.kernel.commands.FuzzyMatch;
import dev.symphony.kernel.commands.FuzzyMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Typing narrows the candidates; the results must be what a fresh ranking of the whole index gives. */
class QuickOpenRankerTest {

    private static long seed() {
        String fromEnv = System.getenv("SYMPHONY_TEST_SEED");
        String value = fromEnv != null ? fromEnv : System.getProperty("symphony.test.seed");
        long seed = value != null ? Long.parseLong(value) : System.nanoTime();
        System.out.println("QuickOpenRankerTest seed " + seed + " (-Dsymphony.test.seed=" + seed + ")");
        return seed;
    }

    @Test
    void narrowingGivesTheSameResultsAsRankingEverything() {
        long seed = seed();
        Random r = new Random(seed);
        for (int round = 0; round < 40; round++) {
            List<String> files = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                files.add(word(r) + "/" + word(r) + "/" + word(r) + (r.nextBoolean() ? ".java" : ".md"));
            }
            files.sort(null);
            List<String> index = List.copyOf(files);
            List<String> recent = List.of(index.get(r.nextInt(index.size())));
            QuickOpenRanker typing = new QuickOpenRanker(20);
            String query = word(r) + (r.nextBoolean() ? "/" : "") + word(r);
            for (int len = 0; len <= query.length(); len++) {
                String q = query.substring(0, len);
                if (r.nextInt(6) == 0 && len > 0) { // a backspace, then the character again
                    typing.rank(q.substring(0, len - 1), index, recent);
                }
                List<FuzzyMatch<String>> narrowed = typing.rank(q, index, recent);
                List<FuzzyMatch<String>> fresh = new QuickOpenRanker(20).rank(q, index, recent);
                assertEquals(texts(fresh), texts(narrowed), "seed " + seed + ", query '" + q + "'");
            }
        }
    }

    @Test
    void theShownPathsAreTheBestMatchesOfAllWithTheirMatchedPositions() {
        long seed = seed();
        Random r = new Random(seed);
        for (int round = 0; round < 40; round++) {
            List<String> index = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                index.add(word(r) + "/" + word(r) + (r.nextBoolean() ? ".java" : ".md"));
            }
            String q = word(r) + (r.nextBoolean() ? "" : word(r));
            List<FuzzyMatch<String>> all = new ArrayList<>();
            for (String path : index) {
                FuzzyMatcher.match(q, path).ifPresent(all::add);
            }
            all.sort(java.util.Comparator.comparingInt((FuzzyMatch<String> m) -> -m.score())
                    .thenComparingInt(m -> m.text().length()).thenComparing(FuzzyMatch::text));
            List<FuzzyMatch<String>> expected = all.subList(0, Math.min(20, all.size()));
            List<FuzzyMatch<String>> shown = new QuickOpenRanker(20).rank(q, index, List.of());
            assertEquals(describe(expected), describe(shown), "seed " + seed + ", query '" + q + "'");
        }
    }

    private static List<String> describe(List<FuzzyMatch<String>> ms) {
        return ms.stream().map(m -> m.text() + " " + m.score() + " " + java.util.Arrays.toString(m.positions())).toList();
    }

    private static List<String> texts(List<FuzzyMatch<String>> ms) {
        return ms.stream().map(FuzzyMatch::text).toList();
    }

    private static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            sb.append("abcdeAB".charAt(r.nextInt(7)));
        }
        return sb.toString();
    }
}
