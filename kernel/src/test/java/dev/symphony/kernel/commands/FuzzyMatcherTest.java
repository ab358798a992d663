package dev.symphony.kernel.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FuzzyMatcherTest {
    @Test
    void matchesSubsequencesCaseInsensitively() {
        assertTrue(FuzzyMatcher.match("tgth", "View: Toggle Theme").isPresent());
        assertFalse(FuzzyMatcher.match("xyz", "View: Toggle Theme").isPresent());
        assertFalse(FuzzyMatcher.match("themet", "Theme").isPresent());
    }

    @Test
    void positionsPointAtTheMatchedCharacters() {
        String text = "File: New File";
        int[] positions = FuzzyMatcher.match("nf", text).orElseThrow().positions();
        assertEquals('N', text.charAt(positions[0]));
        assertEquals('F', text.charAt(positions[1]));
        assertEquals(10, positions[1], "prefers the word start 'File' over a mid-word f");
    }

    @Test
    void registryRanksWordStartsAndRunsFirst() {
        CommandRegistry registry = new CommandRegistry();
        AtomicInteger ran = new AtomicInteger();
        registry.register(new Command("a", "Toggle Theme", "View", ran::incrementAndGet));
        registry.register(new Command("b", "Open Settings", "Preferences", ran::incrementAndGet));
        registry.register(new Command("c", "Show Terminal", "View", ran::incrementAndGet));
        List<String> ids = registry.search("theme").stream().map(m -> m.item().id()).toList();
        assertEquals("a", ids.get(0));
        assertEquals("b", registry.search("opset").get(0).item().id());
        assertEquals(3, registry.search("").size());
        registry.execute("c");
        assertEquals(1, ran.get());
    }

    @Test
    void anyInOrderSubsequenceMatchesAndPositionsAreIncreasing() {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append("abcAB :-x".charAt(random.nextInt(9)));
            }
            StringBuilder query = new StringBuilder();
            for (int j = 0; j < length; j++) {
                if (random.nextInt(3) == 0 && text.charAt(j) != ' ') {
                    query.append(text.charAt(j));
                }
            }
            var match = FuzzyMatcher.match(query.toString(), text.toString());
            assertTrue(match.isPresent(), "seed " + seed + ": '" + query + "' in '" + text + "'");
            int[] positions = match.get().positions();
            for (int k = 0; k < positions.length; k++) {
                assertEquals(Character.toLowerCase(query.charAt(k)), Character.toLowerCase(text.charAt(positions[k])), "seed " + seed);
                assertTrue(k == 0 || positions[k] > positions[k - 1], "seed " + seed);
            }
        }
    }
}
