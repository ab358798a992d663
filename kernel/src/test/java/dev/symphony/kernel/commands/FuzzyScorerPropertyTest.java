package dev.symphony.kernel.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reusable scorer gives every text exactly the score {@link FuzzyMatcher#match} gives it (and no match where it
 * has none), one scorer reused across texts of every length, as Quick Open uses it. Seeded: the seed is printed.
 */
class FuzzyScorerPropertyTest {
    private static final String ALPHABET = "abcABC/._-xyzXYZ İı ";

    @Test
    void theScorerAgreesWithMatchOnRandomQueriesAndTexts() {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        System.out.println("FuzzyScorerPropertyTest seed " + seed + " (-Dsymphony.test.seed=" + seed + ")");
        Random r = new Random(seed);
        for (int round = 0; round < 300; round++) {
            String query = random(r, 1 + r.nextInt(5));
            FuzzyMatcher.Scorer scorer = FuzzyMatcher.scorer(query);
            for (int t = 0; t < 50; t++) {
                String text = t % 7 == 0 ? query.strip() + random(r, r.nextInt(8)) // the query at the start: near the bound
                        : random(r, r.nextInt(t % 10 == 0 ? 200 : 40));
                Optional<FuzzyMatch<String>> match = FuzzyMatcher.match(query, text);
                int expected = match.map(FuzzyMatch::score).orElse(FuzzyMatcher.NO_MATCH);
                assertEquals(expected, scorer.score(text), "seed " + seed + ": query '" + query + "', text '" + text + "'");
                if (expected != FuzzyMatcher.NO_MATCH && expected > scorer.bound(text.length())) {
                    throw new AssertionError("seed " + seed + ": '" + text + "' scores " + expected + " over the bound "
                            + scorer.bound(text.length()) + " for '" + query + "'");
                }
            }
        }
    }

    @Test
    void anEmptyQueryScoresZeroAndALongerQueryThanTheTextNeverMatches() {
        assertEquals(0, FuzzyMatcher.scorer(" ").score("anything"));
        assertEquals(FuzzyMatcher.NO_MATCH, FuzzyMatcher.scorer("abcd").score("abc"));
        assertEquals(FuzzyMatcher.match("qov", "ui/QuickOpenView.java").orElseThrow().score(),
                FuzzyMatcher.scorer("qov").score("ui/QuickOpenView.java"));
    }

    private static String random(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
