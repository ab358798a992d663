package dev.symphony.conductor.fqg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    record Result(int code, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }
    }

    static Result fqg(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FqgCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void generateWritesTheSamePuzzlesForTheSameSeed() throws Exception {
        Result a = fqg("generate", "--seed", "9", "--count", "3", "--out", dir.resolve("a").toString());
        Result b = fqg("generate", "--seed", "9", "--count", "3", "--out", dir.resolve("b").toString());
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
        Result r = fqg("eval", "--seed", "31", "--count", "20", "--policies", "random,fifo,critical-path,rl", "--table");
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
        Result none = fqg();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("usage"));
        Result unknown = fqg("play");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("'play'"));
        Result missing = fqg("eval", "--count", "3");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--seed is required"), missing.err());
        Result badPolicy = fqg("eval", "--seed", "1", "--count", "3", "--policies", "fifo,greedy");
        assertEquals(2, badPolicy.code());
        assertTrue(badPolicy.err().contains("'greedy'"), badPolicy.err());
        Result badPreset = fqg("generate", "--seed", "1", "--count", "1", "--out", dir.toString(), "--preset", "huge");
        assertEquals(2, badPreset.code());
        assertTrue(badPreset.err().contains("'huge'"), badPreset.err());
        Result badNumber = fqg("train", "--episodes", "many");
        assertEquals(2, badNumber.code());
        assertTrue(badNumber.err().contains("--episodes"), badNumber.err());
        assertEquals(0, fqg("--help").code());
    }

    @Test
    void trainWritesWhereToldAndContinues() throws Exception {
        Path out = dir.resolve("p.params");
        Result r = fqg("train", "--seed", "3", "--episodes", "32", "--out", out.toString(), "--preset", "small");
        assertEquals(0, r.code(), r.err());
        JsonNode line = r.lines().get(0);
        assertEquals(32, line.get("episodes").asInt());
        assertTrue(Files.size(out) > 1000);
        Result again = fqg("train", "--seed", "4", "--episodes", "16", "--out", out.toString(), "--preset", "small", "--continue");
        assertEquals(0, again.code(), again.err());
        Result eval = fqg("eval", "--seed", "8", "--count", "5", "--policies", "rl", "--preset", "small",
                "--policy-file", out.toString());
        assertEquals(0, eval.code(), eval.err());
        Result missing = fqg("eval", "--seed", "8", "--count", "5", "--policies", "rl", "--policy-file",
                dir.resolve("none.params").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("none.params"), missing.err());
    }
}
