package dev.symphony.conductor.fqg.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training end to end, briefly: it runs, writes a file DJL loads, and can continue from that file. */
class TrainingSmokeTest {
    @TempDir
    Path dir;

    private static TrainingContext small(long seed) {
        return new TrainingContext().preset(Preset.SMALL).seed(seed).validationSeed(seed + 1).episodes(96)
                .puzzlesPerBatch(4).rolloutsPerPuzzle(4).validationPuzzles(10).validateEveryBatches(2)
                .log(new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void trainsWritesALoadablePolicyAndContinuesFromIt() throws Exception {
        Path out = dir.resolve("policy.params");
        TrainingReport first = new PolicyGradientTrainer(small(5)).train(out);
        assertEquals(96, first.episodes());
        assertEquals(6, first.batches());
        assertTrue(first.gradientSteps() >= 6);
        assertTrue(Files.size(out) > 1000, "a DJL parameter file");
        try (DjlPolicy policy = DjlPolicy.load(out)) {
            var report = new Evaluator(Preset.SMALL, 77, 5).evaluate(policy, () -> 0);
            assertEquals(5, report.puzzles());
        }
        Path copy = dir.resolve("start.params");
        Files.copy(out, copy);
        TrainingReport second = new PolicyGradientTrainer(small(6).initialPolicy(copy)).train(out);
        assertTrue(second.bestValidationReward() >= validationReward(copy, 7), "continuing keeps the starting weights "
                + "as the best so far until something beats them");
        try (DjlPolicy ignored = DjlPolicy.load(out)) {
            assertTrue(Files.exists(out));
        }
    }

    private static double validationReward(Path policyFile, long validationSeed) throws Exception {
        try (DjlPolicy p = DjlPolicy.load(policyFile)) {
            return new Evaluator(Preset.SMALL, validationSeed, 10).evaluate(p, () -> 0).meanReward() - 1e-9;
        }
    }

    @Test
    void aFileThatIsNotAPolicyIsRejectedWithItsName() throws Exception {
        Path junk = dir.resolve("junk.params");
        Files.writeString(junk, "not a model");
        Exception e = assertThrows(java.io.IOException.class, () -> DjlPolicy.load(junk));
        assertTrue(e.getMessage().contains("junk.params"), e.getMessage());
    }
}
