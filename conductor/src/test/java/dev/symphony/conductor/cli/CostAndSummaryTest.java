package dev.symphony.conductor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.CliRun;
import dev.symphony.conductor.run.TestOperators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Costs are exact decimals printed plainly (three calls at 0.0001 cost 0.0003, never 3.0000000000000003E-4),
 * in the JSON lines and in what a person reads; at a terminal stderr gets a readable summary while stdout keeps
 * only JSON lines.
 */
class CostAndSummaryTest {
    private static final String MELODY = "{\"formatVersion\":1,\"name\":\"priced\",\"nodes\":["
            + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.priced\",\"capability\":\"echo\",\"input\":{\"text\":\"a\"}},"
            + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.priced\",\"capability\":\"echo\",\"input\":{\"text\":\"${a.text}\"}},"
            + "{\"id\":\"c\",\"type\":\"call\",\"extension\":\"test.priced\",\"capability\":\"echo\",\"input\":{\"text\":\"${b.text}\"}}],"
            + "\"connections\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"b\",\"to\":\"c\"}]}";
    @TempDir
    Path dir;

    @BeforeEach
    void home() {
        System.setProperty("symphony.home", dir.resolve("home").toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("symphony.home");
    }

    private CliRun run(boolean atTerminal, String melody) throws Exception {
        Path file = dir.resolve("priced.melody.json");
        Files.writeString(file, melody);
        TestOperators ops = new TestOperators();
        String text = "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}";
        ops.add("test.priced", "echo", text, text, 1, 0.0001, in -> in);
        return CliRun.of((a, o, e) -> RunCommand.run(a, o, e, () -> ops, atTerminal, java.io.InputStream.nullInputStream()), file.toString(), "--policy", "heuristic");
    }

    @Test
    void costsAreExactDecimalsInTheJsonLines() throws Exception {
        CliRun r = run(false, MELODY);
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("E-"), r.out());
        JsonNode finished = r.lines().get(r.lines().size() - 1);
        assertEquals("run.finished", finished.path("type").asText());
        assertTrue(r.out().contains("\"cost\":0.0003,"), finished.toString());
        assertTrue(r.out().contains("\"cost\":0.0001}"), r.out());
        assertFalse(r.err().contains("node"), "no summary when stdout is not a terminal: " + r.err());
    }

    @Test
    void aBudgetRefusalNamesPlainAmounts() throws Exception {
        CliRun r = run(false, MELODY.replace("\"nodes\"", "\"limits\":{\"budget\":0.00025},\"nodes\""));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("budget exhausted: 0.0002 of 0.00025 spent"), r.err());
        assertFalse(r.err().contains("E-"), r.err());
    }

    @Test
    void atATerminalStderrGetsAReadableSummaryAndStdoutStaysJson() throws Exception {
        CliRun r = run(true, MELODY);
        assertEquals(0, r.code(), r.err());
        for (String line : r.out().split("\n")) {
            assertTrue(line.startsWith("{"), "stdout carries JSON lines only: " + line);
        }
        List<String> err = r.err().lines().toList();
        assertTrue(err.get(0).matches("symphony run: started \\S+ \\(priced\\)"), err.toString());
        assertEquals(List.of("a", "b", "c"), err.stream().filter(l -> l.startsWith("  done"))
                .map(l -> l.substring(12).split(" ")[0]).toList(), err.toString());
        assertTrue(err.stream().anyMatch(l -> l.matches("  done      c\\s+\\d+ ms, cost 0\\.0001")), err.toString());
        assertTrue(err.stream().anyMatch(l -> l.matches("symphony run: succeeded: 3 nodes finished in \\d+ ms, cost 0\\.0003")),
                err.toString());
    }
}
