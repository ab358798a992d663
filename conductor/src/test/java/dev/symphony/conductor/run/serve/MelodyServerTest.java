package dev.symphony.conductor.run.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.run.Conductor;
import dev.symphony.conductor.run.Harness;
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
        try (Harness h = new Harness(dir)) {
            List<ObjectNode> events = h.events;
            try (MelodyServer server = server(h)) {
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

    @Test
    void severalRunsGoAtOnceAndAnAnnouncedEventReachesANodeAwaitingIt(@TempDir Path dir) throws Exception {
        Path melodies = Files.createDirectories(dir.resolve("melodies"));
        String call = "{\"id\":\"%s\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"%s\",\"input\":%s%s}";
        Files.writeString(melodies.resolve("waits.melody.json"), "{\"formatVersion\":1,\"name\":\"waits\",\"nodes\":["
                + String.format(call, "reply", "echo", "{\"text\":\"${event.text}\"}", ",\"awaits\":{\"choice\":\"c\",\"event\":\"mail/reply\"}") + ","
                + String.format(call, "late", "echo", "{\"text\":\"late\"}", ",\"awaits\":{\"choice\":\"c\",\"afterMs\":60000}") + ","
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${reply.text}\"}],\"connections\":[{\"from\":\"reply\",\"to\":\"out\"}]}");
        Files.writeString(melodies.resolve("slow.melody.json"), "{\"formatVersion\":1,\"name\":\"slow\",\"nodes\":["
                + String.format(call, "s", "sleep", "{\"ms\":200,\"text\":\"s\"}", "") + "]}");
        try (Harness h = new Harness(dir); MelodyServer server = server(h)) {
            assertEquals(2, server.load(melodies));
            var waits = server.submit(server.melodies().stream().filter(m -> m.name().equals("waits")).findFirst().orElseThrow(),
                    JSON.createObjectNode(), "test");
            waitFor(h.events, "run.started", "waits");
            // One run at a time would keep "slow" queued behind "waits", which waits a minute for its event.
            var slow = server.submit(server.melodies().stream().filter(m -> m.name().equals("slow")).findFirst().orElseThrow(),
                    JSON.createObjectNode(), "test");
            assertEquals("succeeded", slow.get(20, java.util.concurrent.TimeUnit.SECONDS).status().jsonName());
            assertTrue(!waits.isDone(), "the first run still waits for its event");
            server.extensionEvent("mail", "reply", JSON.readTree("{\"text\":\"yes\"}"));
            var r = waits.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("succeeded", r.status().jsonName(), r.error());
            assertEquals("yes", r.outputs().path("out").asText());
        }
    }

    private static void waitFor(List<ObjectNode> events, String type, String melody) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (events.stream().anyMatch(e -> e.path("type").asText().equals(type) && e.path("melody").asText().equals(melody))) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no " + type + " of " + melody + " in " + events);
    }

    private static MelodyServer server(Harness h) throws Exception {
        return new MelodyServer(new Conductor(h.context()), h.reader(),
                ApiToken.loadOrCreate(h.dir.resolve("config").resolve("api-token")), new PrintStream(new ByteArrayOutputStream(), true));
    }

    @Test
    void fileSavedFiresForRealSavesUnderTheWorkspaceMatchingTheGlob(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(workspace.resolve("on-save.melody.json"), "{\"formatVersion\":1,\"name\":\"on-save\","
                + "\"triggers\":[{\"type\":\"event\",\"on\":\"file.saved\",\"glob\":\"notes/**.md\"}],"
                + "\"nodes\":[{\"id\":\"path\",\"type\":\"input\"},{\"id\":\"file\",\"type\":\"input\"},"
                + "{\"id\":\"up\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"${path}\"}},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"saved ${up.text}\"}],"
                + "\"connections\":[{\"from\":\"path\",\"to\":\"up\"},{\"from\":\"up\",\"to\":\"out\"},{\"from\":\"file\",\"to\":\"out\"}]}");
        try (Harness h = new Harness(dir); MelodyServer server = server(h)) {
            assertEquals(1, server.load(workspace));
            server.start(0);
            // A folder created after the server started is watched too; a .txt save does not match the glob.
            Path notes = Files.createDirectories(workspace.resolve("notes").resolve("daily"));
            Thread.sleep(300); // the new folder is registered when its creation is reported
            Files.writeString(notes.resolve("skip.txt"), "not markdown");
            Files.writeString(notes.resolve("today.md"), "# today");
            Files.writeString(notes.resolve("today.md"), "# today, saved twice");
            ObjectNode done = waitFor(h.events, "saved NOTES/DAILY/TODAY.MD");
            assertEquals("succeeded", done.path("status").asText());
            Thread.sleep(3 * FileSavedWatcher.SETTLE_MS + 200);
            assertEquals(1, h.ofType("run.finished").size(), "one run per settled save, none for skip.txt: " + h.ofType("run.finished"));
            h.assertEventsValid();
        }
    }

    @Test
    void extensionEventsFireTheirMelodiesWithThePayloadAsInputs(@TempDir Path dir) throws Exception {
        Path melodies = Files.createDirectories(dir.resolve("melodies"));
        Files.writeString(melodies.resolve("on-event.melody.json"), "{\"formatVersion\":1,\"name\":\"on-event\","
                + "\"triggers\":[{\"type\":\"event\",\"on\":\"extension.event\",\"extension\":\"test.ops\",\"event\":\"indexed\"}],"
                + "\"nodes\":[{\"id\":\"count\",\"type\":\"input\"},{\"id\":\"out\",\"type\":\"output\",\"value\":\"indexed ${count}\"}],"
                + "\"connections\":[{\"from\":\"count\",\"to\":\"out\"}]}");
        try (Harness h = new Harness(dir); MelodyServer server = server(h)) {
            server.load(melodies);
            assertEquals(0, server.extensionEvent("test.ops", "other", JSON.readTree("{}")));
            assertEquals(0, server.extensionEvent("someone.else", "indexed", JSON.readTree("{}")));
            assertEquals(1, server.extensionEvent("test.ops", "indexed", JSON.readTree("{\"count\":42,\"extra\":true}")));
            assertEquals("succeeded", waitFor(h.events, "indexed 42").path("status").asText());
        }
    }

    private static ObjectNode waitFor(List<? extends JsonNode> events, String output) throws InterruptedException {
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
