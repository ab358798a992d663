package dev.symphony.conductor.fqg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.CliRun;
import dev.symphony.conductor.fqg.baselines.Baselines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fqg eval}: every baseline, intervals, puzzles from files, pinned slots, the per-puzzle comparison. */
class EvalCommandTest {
    @TempDir
    Path dir;

    private static CliRun fqg(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--warmup"; // warm-up matters for latency figures only, and lookahead's costs seconds
        all[args.length + 1] = args.length > 0 && args[0].equals("eval") ? "2" : "";
        return CliRun.of(FqgCommand::run, args.length > 0 && args[0].equals("eval") ? all : args);
    }

    @Test
    void allRunsEveryBaselineAndTheLearnedPolicyWithIntervals() throws Exception {
        CliRun r = fqg("eval", "--seed", "41", "--count", "12", "--policies", "all", "--table");
        assertEquals(0, r.code(), r.err());
        List<String> expected = new ArrayList<>(Baselines.NAMES);
        expected.add("rl");
        assertEquals(expected, r.lines().stream().map(n -> n.get("policy").asText()).toList());
        for (JsonNode n : r.lines()) {
            double ci = n.get("meanRewardCi95").asDouble();
            assertTrue(ci > 0 && ci < 1, "a finite, positive interval: " + n);
            assertTrue(n.get("meanMakespanCi95").asDouble() > 0, n.toString());
        }
        assertTrue(r.err().contains("load average"), r.err());
    }

    @Test
    void puzzlesReadFromFilesPlayExactlyAsTheGeneratedOnes() throws Exception {
        Path puzzles = dir.resolve("p");
        assertEquals(0, fqg("generate", "--seed", "17", "--count", "3", "--out", puzzles.toString()).code());
        CliRun generated = fqg("eval", "--seed", "17", "--count", "3", "--policies", "fifo,greedy,lookahead");
        CliRun read = fqg("eval", "--seed", "17", "--puzzles", puzzles.toString(), "--policies", "fifo,greedy,lookahead");
        assertEquals(0, read.code(), read.err());
        for (int i = 0; i < 3; i++) {
            for (String field : List.of("meanReward", "meanMakespan", "meanCost", "successRate")) {
                assertEquals(generated.lines().get(i).get(field), read.lines().get(i).get(field), field);
            }
        }
    }

    @Test
    void aBrokenPuzzleFileIsNamedWithItsField() throws Exception {
        Path puzzles = dir.resolve("p");
        assertEquals(0, fqg("generate", "--seed", "3", "--count", "2", "--out", puzzles.toString()).code());
        Path file = puzzles.resolve("puzzle-0001.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\"goalValue\" : \\d+", "\"goalValue\" : 5"));
        CliRun r = fqg("eval", "--seed", "3", "--puzzles", puzzles.toString(), "--policies", "fifo");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("puzzle-0001.json") && r.err().contains("$.goalValue"), r.err());
        Files.writeString(file, "{\"format\":\"symphony-fqg-puzzle/1\",\"functions\":[{\"name\":\"f0\"}]}");
        CliRun r2 = fqg("eval", "--seed", "3", "--puzzles", puzzles.toString(), "--policies", "fifo");
        assertEquals(2, r2.code());
        assertTrue(r2.err().contains("$.functions[0].inputTypes"), r2.err());
        CliRun both = fqg("eval", "--seed", "3", "--count", "2", "--puzzles", puzzles.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("exclude each other"), both.err());
    }

    @Test
    void plainPuzzlesWithPinnedSlotsAndTheShareWorseThanAReference() throws Exception {
        CliRun two = fqg("eval", "--seed", "5", "--count", "3", "--preset", "plain", "--slots", "2",
                "--policies", "fifo,cp-misf", "--versus", "cp-misf");
        CliRun eight = fqg("eval", "--seed", "5", "--count", "3", "--preset", "plain", "--slots", "8",
                "--policies", "fifo,cp-misf", "--versus", "cp-misf");
        assertEquals(0, two.code(), two.err());
        JsonNode misf2 = two.lines().get(1);
        JsonNode misf8 = eight.lines().get(1);
        assertEquals(1.0, misf2.get("successRate").asDouble());
        assertEquals(0.0, misf2.get("worseMakespanShare").asDouble(), "a policy is never worse than itself");
        assertTrue(misf8.get("meanMakespan").asDouble() < misf2.get("meanMakespan").asDouble(),
                "the same graphs finish sooner on 8 processors than on 2");
        double share = two.lines().get(0).get("worseMakespanShare").asDouble();
        assertTrue(share >= 0 && share <= 1, two.lines().get(0).toString());
        assertEquals(0.0, misf2.get("rewardVersus").asDouble(), "a policy's paired difference with itself");
        assertEquals(0.0, misf2.get("rewardVersusCi95").asDouble());
        JsonNode fifo2 = two.lines().get(0);
        assertEquals(fifo2.get("meanReward").asDouble() - misf2.get("meanReward").asDouble(), fifo2.get("rewardVersus").asDouble(), 2e-4,
                "the mean paired difference is the difference of the means: " + fifo2);
        CliRun notEvaluated = fqg("eval", "--seed", "5", "--count", "3", "--policies", "fifo", "--versus", "heft");
        assertEquals(2, notEvaluated.code());
    }
}
