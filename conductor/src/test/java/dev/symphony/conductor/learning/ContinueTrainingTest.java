package dev.symphony.conductor.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.CliRun;
import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.cli.FqgCommand;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import dev.symphony.conductor.run.HarnessTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fqg train --continue} learns from recorded real runs: with {@code --episodes 0} the only training
 * signal is the recorded decisions, so a change of the weights shows they were consumed; the result still
 * plays the FQG better than FIFO.
 */
class ContinueTrainingTest extends HarnessTest {

    @Test
    void continueConsumesRecordedRunsAndChangesThePolicy() throws Exception {
        TrainingData data = new TrainingData(dir.resolve("real-runs"));
        RunRecordingTest.record(h, data, 3);
        List<DecisionRecord> records = TrainingData.read(data.localFiles());
        assertEquals(12, records.size());

        Path out = dir.resolve("policy").resolve("fqg-policy.params");
        CliRun train = CliRun.of(FqgCommand::run, "train", "--continue", "--episodes", "0", "--seed", "3", "--out", out.toString(),
                "--real", data.root().toString());
        assertEquals(0, train.code(), train.err());
        JsonNode report = train.lines().get(0);
        assertEquals(3, report.path("realRuns").asInt());
        long informative = records.stream().filter(DecisionRecord::informative).count();
        assertEquals(informative, report.path("realDecisions").asLong());
        assertTrue(train.err().contains("(saved)"), train.err());

        try (DjlPolicy shipped = DjlPolicy.loadShipped(); DjlPolicy continued = DjlPolicy.load(out)) {
            DecisionRecord r = records.stream().filter(DecisionRecord::informative).findFirst().orElseThrow();
            Decision d = new Decision();
            for (int k = 0; k < r.count(); k++) {
                int off = d.add(k, 0, k);
                System.arraycopy(r.features(), k * dev.symphony.conductor.policy.CandidateFeatures.COUNT, d.features(), off,
                        dev.symphony.conductor.policy.CandidateFeatures.COUNT);
            }
            float[] before = new float[r.count()];
            float[] after = new float[r.count()];
            shipped.score(d, before);
            continued.score(d, after);
            assertTrue(!Arrays.equals(before, after), "the recorded decisions changed the weights: " + Arrays.toString(after));

            // Sanity: the continued policy still plays unseen default puzzles better than FIFO.
            Evaluator eval = new Evaluator(Preset.DEFAULT, 4242, 50);
            double rl = eval.evaluate(continued, () -> 0).meanReward();
            double fifo = eval.evaluate(Baselines.byName("fifo", 4242), () -> 0).meanReward();
            assertTrue(rl > fifo, "continued rl " + rl + " vs fifo " + fifo);
        }
    }

    @Test
    void episodesZeroWithoutRecordedRunsIsBadUsage() {
        CliRun none = CliRun.of(FqgCommand::run, "train", "--continue", "--episodes", "0", "--out", dir.resolve("p.params").toString(),
                "--real", dir.resolve("none").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("needs recorded real-run decisions"), none.err());
        assertEquals(2, CliRun.of(FqgCommand::run, "train", "--real", dir.toString()).code(), "--real goes with --continue");
        assertTrue(!Files.exists(dir.resolve("p.params")));
    }
}
