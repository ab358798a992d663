package dev.symphony.conductor.fqg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.fqg.TestSeeds;
import dev.symphony.conductor.fqg.game.FunctionSpec;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PuzzleGeneratorTest {
    private final PuzzleGenerator generator = new PuzzleGenerator(Preset.DEFAULT);

    @Test
    void samePresetAndSeedGiveTheSamePuzzle() {
        long seed = TestSeeds.base();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            long s = r.nextLong();
            String a = PuzzleJson.toPrettyString(generator.generate(s));
            String b = PuzzleJson.toPrettyString(new PuzzleGenerator(Preset.DEFAULT).generate(s));
            assertEquals(a, b, "puzzle seed " + s + TestSeeds.replay(seed));
        }
    }

    @Test
    void theDefaultPresetIsFixed() {
        // Changing the default preset (or the generator) changes this fingerprint: publish a new preset instead.
        Puzzle p = generator.puzzle(42, 0);
        assertEquals("default", p.preset());
        assertEquals(p.goalValue(), Puzzle.evaluate(p.functions(), p.inputValue()));
        assertEquals(PuzzleJson.toPrettyString(p), PuzzleJson.toPrettyString(generator.puzzle(42, 0)));
        assertEquals(FIXED_FINGERPRINT, fingerprint(generator), "the default preset's puzzles changed");
    }

    static final String FIXED_FINGERPRINT = "24/4/433665/375.492;22/3/366878/203.098;13/4/650444/115.732;";

    static String fingerprint(PuzzleGenerator g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            Puzzle p = g.puzzle(42, i);
            sb.append(p.size()).append('/').append(p.slots()).append('/').append(p.goalValue()).append('/')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", p.deadline())).append(';');
        }
        return sb.toString();
    }

    @Test
    void differentSeedsGiveDifferentPuzzles() {
        assertNotEquals(PuzzleJson.toPrettyString(generator.puzzle(1, 0)), PuzzleJson.toPrettyString(generator.puzzle(1, 1)));
        assertNotEquals(PuzzleJson.toPrettyString(generator.puzzle(1, 0)), PuzzleJson.toPrettyString(generator.puzzle(2, 0)));
    }

    @Test
    void puzzlesRespectThePresetAndAreWellFormed() {
        long seed = TestSeeds.base();
        Preset p = Preset.DEFAULT;
        for (int i = 0; i < 300; i++) {
            Puzzle z = generator.puzzle(seed, i);
            String where = "puzzle " + i + " of seed " + seed + TestSeeds.replay(seed);
            assertTrue(z.size() >= p.minFunctions() && z.size() <= p.maxFunctions(), where);
            assertTrue(z.slots() >= p.minSlots() && z.slots() <= p.maxSlots(), where);
            boolean[] feeds = new boolean[z.size()];
            for (int f = 0; f < z.size(); f++) {
                FunctionSpec fn = z.function(f);
                assertTrue(fn.instruments().size() >= p.minInstruments() && fn.instruments().size() <= p.maxInstruments(), where);
                for (int pred : fn.predecessors()) {
                    assertTrue(pred < f, where + ": " + fn.signature() + " reads a later function");
                    assertTrue(fn.inputTypes().contains("T" + pred), where + ": type of input " + pred);
                    feeds[pred] = true;
                }
                for (Instrument ins : fn.instruments()) {
                    assertTrue(ins.failureRate() >= p.minFailure() && ins.failureRate() <= p.maxFailure(), where);
                    assertTrue(ins.capacity() == 1 || ins.capacity() == p.maxSlots(), where);
                }
            }
            for (int f = 0; f < z.size() - 1; f++) {
                assertTrue(feeds[f], where + ": f" + f + " feeds nothing");
            }
            assertEquals("Goal", z.function(z.goalIndex()).outputType(), where);
            assertEquals(z.goalValue(), Puzzle.evaluate(z.functions(), z.inputValue()), where);
            assertTrue(z.deadline() > z.graph().criticalPath(), where);
        }
    }
}
