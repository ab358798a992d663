package dev.symphony.conductor.run.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.run.Conductor;
import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.conductor.run.RunContext;
import dev.symphony.conductor.run.TestOperators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symphony serve}'s triggers: API with a bearer token, chained after a run, scheduled by cron. */
class MelodyServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void apiChainedAndScheduledTriggersFire(@TempDir Path dir) throws Exception {
        Path melodies = Files.createDirectories(dir.resolve("melodies"));
        Files.writeString(melodies.resolve("api.melody.json"), "{\"formatVersion\":1,\"name\":\"api\",\"triggers\":[{\"type\":\"api\",\"path\":\"/upper\"}],"
                + "\"nodes\":[{\"id\":\"text\",\"type\":\"input\"},{\"id\":\"up\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"${text}\"}},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${up.text}\"}],\"connections\":[{\"from\":\"text\",\"to\":\"up\"},{\"from\":\"up\",\"to\":\"out\"}]}");
        Files.writeString(melodies.resolve("next.melody.json"), "{\"formatVersion\":1,\"name\":\"next\",\"triggers\":[{\"type\":\"chained\",\"after\":\"api.melody.json\"}],"
                + "\"nodes\":[{\"id\":\"out\",\"type\":\"input\"},{\"id\":\"result\",\"type\":\"output\",\"value\":\"after ${out}\"}],\"connections\":[{\"from\":\"out\",\"to\":\"result\"}]}");
        Files.writeString(melodies.resolve("cron.melody.json"), "{\"formatVersion\":1,\"name\":\"cron\",\"triggers\":[{\"type\":\"scheduled\",\"cron\":\"30 9 * * 1-5\"}],"
                + "\"nodes\":[{\"id\":\"o\",\"type\":\"output\",\"value\":\"tick\"}]}");
        TestOperators ops = new TestOperators();
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        try (RunArtifacts artifacts = RunArtifacts.open(dir.resolve("artifacts"), 1000, null)) {
            RunContext context = new RunContext().capabilities(ops).artifacts(artifacts).runsRoot(dir.resolve("runs"))
                    .events(e -> events.add(e.deepCopy()));
            ByteArrayOutputStream notices = new ByteArrayOutputStream();
            try (MelodyServer server = new MelodyServer(new Conductor(context), new MelodyReader(ops),
                    ApiToken.loadOrCreate(dir.resolve("config").resolve("api-token")), new PrintStream(notices, true))) {
                assertEquals(3, server.load(melodies));
                int port = server.start(0);
                String token = Files.readString(dir.resolve("config").resolve("api-token")).strip();
                HttpClient client = HttpClient.newHttpClient();
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/upper"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}"));
                assertEquals(401, client.send(req.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
                assertEquals(401, client.send(req.header("Authorization", "Bearer wrong").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
                HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/upper"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ok.statusCode(), ok.body());
                JsonNode body = JSON.readTree(ok.body());
                assertEquals("succeeded", body.path("status").asText());
                assertEquals("HI", body.path("outputs").path("out").asText());
                assertEquals(404, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/nope"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());

                // chained: the finished run's outputs feed the next Melody's same-named inputs.
                ObjectNode chainedDone = waitFor(events, "after HI");
                assertEquals("succeeded", chainedDone.path("status").asText());

                server.tick(LocalDateTime.of(2026, 11, 22, 9, 30)); // a Sunday: no
                server.tick(LocalDateTime.of(2026, 11, 23, 9, 30)).get(); // a Monday: yes
                assertEquals(1, events.stream().filter(e -> e.path("type").asText().equals("run.started")
                        && e.path("melody").asText().equals("cron")).count());
            }
        }
    }

    private static ObjectNode waitFor(List<JsonNode> events, String output) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode e : events) {
                if (e.path("type").asText().equals("run.finished") && e.path("outputs").toString().contains(output)) {
                    return (ObjectNode) e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run finished with " + output + ": " + events);
    }
}
