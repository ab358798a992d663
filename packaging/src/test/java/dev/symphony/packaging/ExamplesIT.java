package dev.symphony.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's "done when": {@code ./symphony run examples/X.melody.json --yes} succeeds for every example,
 * through the real launcher, kernel, extension hosts and sample extensions this build produced; and the
 * approval example pauses without {@code --yes} (exit 3), is answered with {@code ./symphony approve} and
 * finishes with {@code ./symphony run --resume}.
 */
class ExamplesIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int status, String out, String err) {
        List<JsonNode> events() throws IOException {
            List<JsonNode> list = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    list.add(JSON.readTree(line));
                }
            }
            return list;
        }

        JsonNode last() throws IOException {
            List<JsonNode> e = events();
            return e.get(e.size() - 1);
        }
    }

    private static Result symphony(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("symphony").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
        builder.environment().put("SYMPHONY_HOME", home.toString());
        builder.environment().put("SYMPHONY_NO_REBUILD", "1"); // this build is the one under test
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "symphony " + String.join(" ", args) + " did not finish");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void everyExampleRunsHeadlessWithYes(@TempDir Path home) throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(REPO.resolve("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".melody.json")).sorted().toList();
        }
        assertTrue(examples.size() >= 5, examples.toString());
        for (Path example : examples) {
            Result r = symphony(home, "run", "examples/" + example.getFileName(), "--yes");
            assertEquals(0, r.status(), example.getFileName() + "\nstderr:\n" + r.err() + "\nstdout:\n" + r.out());
            assertEquals("succeeded", r.last().path("status").asText(), r.out());
            assertTrue(r.last().path("outputs").size() > 0, "no outputs: " + r.out());
        }
    }

    @Test
    void anApprovalPausesThenApproveAndResumeFinishIt(@TempDir Path home) throws Exception {
        Result paused = symphony(home, "run", "examples/approval.melody.json");
        assertEquals(3, paused.status(), paused.err());
        String runId = paused.events().get(0).path("runId").asText();
        assertEquals("paused", paused.last().path("status").asText());

        Result approved = symphony(home, "approve", runId, "review", "--yes", "--by", "release-manager");
        assertEquals(0, approved.status(), approved.err());

        Result resumed = symphony(home, "run", "--resume", runId);
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals("release-manager", resumed.last().path("outputs").path("published").path("approvedBy").asText());
        assertTrue(resumed.events().stream().noneMatch(e -> e.path("type").asText().equals("node.started")
                && e.path("node").asText().equals("render")), "render finished before the pause and must not run again");
    }
}
