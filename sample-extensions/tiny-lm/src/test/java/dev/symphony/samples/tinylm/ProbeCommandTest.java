package dev.symphony.samples.tinylm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ProbeCommandTest {
    @Test
    void printsOneJsonLineWithTheLatencyFigures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ProbeCommand.run(new String[] {"--calls", "3", "--tokens", "20"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\\n");
        assertEquals(1, lines.length);
        JsonNode j = new ObjectMapper().readTree(lines[0]);
        assertTrue(j.path("tokenP50Us").asDouble() > 0 && j.path("tokenP99Us").asDouble() >= j.path("tokenP50Us").asDouble(), lines[0]);
        assertTrue(j.path("callP50Ms").asDouble() > 0 && j.path("tokensPerSec").asLong() > 0, lines[0]);
        assertEquals(2, ProbeCommand.run(new String[] {"--calls", "1"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    }
}
