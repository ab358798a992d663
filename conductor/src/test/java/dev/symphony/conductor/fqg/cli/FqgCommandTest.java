package dev.symphony.conductor.fqg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.CliRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FqgCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static CliRun fqg(String... args) {
        return CliRun.of(FqgCommand::run, args);
    }

    @Test
    void generateWritesTheSamePuzzlesForTheSameSeed() throws Exception {
        CliRun a = fqg("generate", "--seed", "9", "--count", "3", "--out", dir.resolve("a").toString());
        CliRun b = fqg("generate", "--seed", "9", "--count", "3", "--out", dir.resolve("b").toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(3, a.lines().size());
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            assertEquals(3, files.count());
        }
        for (int i = 0; i < 3; i++) {
            String name = String.format("puzzle-%04d.json", i);
            String first = Files.readString(dir.resolve("a").resolve(name));
            assertEquals(first, Files.readString(dir.resolve("b").resolve(name)));
            JsonNode puzzle = JSON.readTree(first);
            assertEquals("default", puzzle.get("preset").asText());
            assertTrue(puzzle.get("functions").size() >= 12);
        }
        assertEquals(0, b.code());
    }

    @Test
    void evalPrintsOneJsonLinePerPolicyAndATableOnStderr() throws Exception {
        CliRun r = fqg("eval", "--seed", "31", "--count", "20", "--policies", "random,fifo,critical-path,rl", "--table");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(List.of("random", "fifo", "critical-path", "rl"), lines.stream().map(n -> n.get("policy").asText()).toList());
        for (JsonNode n : lines) {
            for (String field : List.of("successRate", "meanMakespan", "meanCost", "meanReward", "decisionP50Us",
                    "decisionP99Us", "heuristicFallbacks")) {
                assertTrue(n.has(field), field + " missing in " + n);
            }
            double success = n.get("successRate").asDouble();
            assertTrue(success >= 0 && success <= 1);
        }
        assertEquals(0, lines.get(3).get("heuristicFallbacks").asLong());
        assertTrue(r.err().contains("critical-path") && r.err().contains("makespan"), r.err());
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhatWasWrong() {
        CliRun none = fqg();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("usage"));
        CliRun unknown = fqg("play");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("'play'"));
        CliRun missing = fqg("eval", "--count", "3");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--seed is required"), missing.err());
        CliRun badPolicy = fqg("eval", "--seed", "1", "--count", "3", "--policies", "fifo,greedier");
        assertEquals(2, badPolicy.code());
        assertTrue(badPolicy.err().contains("'greedier'"), badPolicy.err());
        CliRun badPreset = fqg("generate", "--seed", "1", "--count", "1", "--out", dir.toString(), "--preset", "huge");
        assertEquals(2, badPreset.code());
        assertTrue(badPreset.err().contains("'huge'"), badPreset.err());
        CliRun badNumber = fqg("train", "--episodes", "many");
        assertEquals(2, badNumber.code());
        assertTrue(badNumber.err().contains("--episodes"), badNumber.err());
        CliRun badMix = fqg("train", "--imitate", "greedy", "--mix", "plain:cp-misf");
        assertEquals(2, badMix.code());
        assertTrue(badMix.err().contains("--mix is PRESET:BASELINE:EPISODES"), badMix.err());
        CliRun mixAlone = fqg("train", "--mix", "plain:cp-misf:2");
        assertEquals(2, mixAlone.code());
        assertTrue(mixAlone.err().contains("goes with an expert to imitate"), mixAlone.err());
        CliRun mixUnknown = fqg("train", "--imitate", "greedy", "--mix", "plain:cp-misfit:2");
        assertEquals(2, mixUnknown.code());
        assertTrue(mixUnknown.err().contains("cp-misfit"), mixUnknown.err());
        assertEquals(0, fqg("--help").code());
    }

    @Test
    void trainWritesWhereToldAndContinues() throws Exception {
        Path out = dir.resolve("p.params");
        CliRun r = fqg("train", "--seed", "3", "--episodes", "32", "--out", out.toString(), "--preset", "small");
        assertEquals(0, r.code(), r.err());
        JsonNode line = r.lines().get(0);
        assertEquals(32, line.get("episodes").asInt());
        assertTrue(Files.size(out) > 1000);
        CliRun again = fqg("train", "--seed", "4", "--episodes", "16", "--out", out.toString(), "--preset", "small", "--continue");
        assertEquals(0, again.code(), again.err());
        CliRun eval = fqg("eval", "--seed", "8", "--count", "5", "--policies", "rl", "--preset", "small",
                "--policy-file", out.toString());
        assertEquals(0, eval.code(), eval.err());
        CliRun missing = fqg("eval", "--seed", "8", "--count", "5", "--policies", "rl", "--policy-file",
                dir.resolve("none.params").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("none.params"), missing.err());
    }

    /** A mixed label stream: both experts label each round, and the log says whether the second preset held. */
    @Test
    void trainWithAMixedLabelStreamReportsBothValidations() throws Exception {
        Path out = dir.resolve("mix.params");
        CliRun r = fqg("train", "--seed", "5", "--episodes", "0", "--preset", "small", "--imitate", "greedy",
                "--imitate-episodes", "6", "--dagger", "1", "--mix", "small:cp-misf:3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("imitating greedy + cp-misf on small, DAgger round 1"), r.err());
        assertTrue(r.err().matches("(?s).*small -?\\d+\\.\\d{4} \\(cp-misf -?\\d+\\.\\d{4}: (within|below)\\).*"), r.err());
        assertTrue(Files.size(out) > 1000);
    }
}
