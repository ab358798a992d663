package dev.symphony.samples.tinylm.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SamplerTest {
    @Test
    void temperatureZeroIsGreedyAndTheUnknownTokenIsNeverPicked() {
        float[] logits = {9f, 1f, 3f, 2f};
        assertEquals(2, new Sampler(0, 1).next(logits), "id 0 (unknown) has the highest logit but is skipped");
        Sampler hot = new Sampler(1.5, 7);
        int[] counts = new int[4];
        for (int i = 0; i < 20_000; i++) {
            counts[hot.next(logits)]++;
        }
        assertEquals(0, counts[0]);
        // softmax(x / 1.5) over ids 1..3: 0.21, 0.80... ratios; the most likely id is drawn most often
        assertTrue(counts[2] > counts[3] && counts[3] > counts[1], java.util.Arrays.toString(counts));
        double expected = Math.exp(3 / 1.5) / (Math.exp(1 / 1.5) + Math.exp(3 / 1.5) + Math.exp(2 / 1.5));
        assertEquals(expected, counts[2] / 20_000.0, 0.02);
    }

    @Test
    void sameSeedSameDraws() {
        float[] logits = {0f, 1f, 1.1f, 0.9f, 1.05f};
        Sampler a = new Sampler(1, 5);
        Sampler b = new Sampler(1, 5);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next(logits), b.next(logits));
        }
        assertThrows(IllegalArgumentException.class, () -> new Sampler(-1, 1));
    }

    @Test
    void vocabularyKeepsFrequentCharactersAndMapsTheRestToUnknown() {
        CharVocabulary v = CharVocabulary.of("aab\uD83D\uDE00\uD83D\uDE00", 2);
        assertEquals("a", v.chars(), "b is too rare, surrogates are never kept");
        assertEquals(2, v.size());
        assertArrayEquals(new int[] {1, 0, CharVocabulary.UNKNOWN}, v.encode("ab\uD83D"));
        assertEquals(CharVocabulary.UNKNOWN_CHAR, v.character(0));
    }
}
