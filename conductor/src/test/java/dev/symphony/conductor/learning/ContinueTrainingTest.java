package dev.symphony.conductor.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.cli.FqgCommand;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import dev.symphony.conductor.run.HarnessTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int fqg(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return FqgCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void continueConsumesRecordedRunsAndChangesThePolicy() throws Exception {
        TrainingData data = new TrainingData(dir.resolve("real-runs"));
        RunRecordingTest.record(h, data, 3);
        List<DecisionRecord> records = TrainingData.read(data.localFiles());
        assertEquals(12, records.size());

        Path out = dir.resolve("policy").resolve("fqg-policy.params");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = fqg(o, e, "train", "--continue", "--episodes", "0", "--seed", "3", "--out", out.toString(),
                "--real", data.root().toString());
        assertEquals(0, code, e.toString(StandardCharsets.UTF_8));
        JsonNode report = JSON.readTree(o.toString(StandardCharsets.UTF_8));
        assertEquals(3, report.path("realRuns").asInt());
        long informative = records.stream().filter(DecisionRecord::informative).count();
        assertEquals(informative, report.path("realDecisions").asLong());
        assertTrue(e.toString(StandardCharsets.UTF_8).contains("(saved)"), e.toString(StandardCharsets.UTF_8));

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
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        assertEquals(2, fqg(o, e, "train", "--continue", "--episodes", "0", "--out", dir.resolve("p.params").toString(),
                "--real", dir.resolve("none").toString()));
        assertTrue(e.toString(StandardCharsets.UTF_8).contains("needs recorded real-run decisions"));
        assertEquals(2, fqg(o, e, "train", "--real", dir.toString()), "--real goes with --continue");
        assertTrue(!Files.exists(dir.resolve("p.params")));
    }
}
