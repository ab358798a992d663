package dev.symphony.approvals.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return PolicyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir.resolve("config"));
    }

    private JsonNode line() throws Exception {
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        return new ObjectMapper().readTree(text);
    }

    @Test
    void printsOneJsonLineWithTheDecisionAndEachPartsRule() throws Exception {
        assertEquals(0, run("check", "--workspace", dir.toString(), "git status && bash -c 'make install'"));
        JsonNode json = line();
        assertEquals("ask", json.get("decision").asText());
        assertEquals(3, json.get("parts").size());
        assertEquals("default-policy.json:42 git-inspect", json.get("parts").get(0).get("rule").asText());
        assertEquals("make", json.get("parts").get(2).get("words").get(0).asText());
        assertEquals("bash -c", json.get("parts").get(2).get("via").get(0).asText());
        assertEquals("no rule", json.get("parts").get(2).get("rule").asText());
    }

    @Test
    void aParseFailureIsADecisionToo() throws Exception {
        assertEquals(0, run("check", "--workspace", dir.toString(), "echo 'open"));
        JsonNode json = line();
        assertEquals("ask", json.get("decision").asText());
        assertTrue(json.get("parseError").asText().contains("offset"));
    }

    @Test
    void anInvalidPolicyOrBadUsageExitsTwo() throws Exception {
        Path policy = dir.resolve("mine.json");
        Files.writeString(policy, "{\"rules\": [\n {\"id\": \"x\", \"decision\": \"deny\", \"command\": \"rm\",\n"
                + "  \"examples\": {\"match\": [\"ls\"], \"noMatch\": [\"rm\"]}}]}");
        assertEquals(2, run("check", "--policy", policy.toString(), "ls"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(policy + ":2 x: contradicts its own example"), err.toString());
        assertEquals(2, run("check"));
        assertEquals(2, run("check", "a", "b"));
        assertEquals(2, run("verify", "ls"));
        assertEquals(2, run("check", "--policy", dir.resolve("missing.json").toString(), "ls"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aUserPolicyGivenByFileDecides() throws Exception {
        Path policy = dir.resolve("mine.json");
        Files.writeString(policy, "{\"rules\": [{\"id\": \"no-rm\", \"decision\": \"deny\", \"command\": \"rm\","
                + " \"examples\": {\"match\": [\"rm x\"], \"noMatch\": [\"ls\"]}}]}");
        assertEquals(0, run("check", "--policy", policy.toString(), "--workspace", dir.toString(), "ls; timeout 3 rm x"));
        JsonNode json = line();
        assertEquals("deny", json.get("decision").asText());
        assertEquals(policy + ":1 no-rm", json.get("parts").get(2).get("rule").asText());
    }

    @Test
    void judgesToolCalls() throws Exception {
        Files.writeString(dir.resolve(".env"), "S=1");
        assertEquals(0, run("check", "--workspace", dir.toString(), "--tool", "read_file", ".env"));
        assertEquals("deny", line().get("decision").asText());
    }
}
