package dev.symphony.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./symphony serve} end to end with real extension hosts: an API call runs a Melody whose node makes
 * the {@code chaos} extension announce an event; that event fires a second Melody's extension.event trigger,
 * whose run (through {@code text-tools}) shows on serve's stdout.
 */
class ServeIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void anEventAnExtensionAnnouncesRunsTheMelodyThatListensForIt(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("melodies"));
        Files.writeString(dir.resolve("emitter.melody.json"), """
                {"formatVersion":1,"name":"emitter","triggers":[{"type":"api","path":"/emit"}],
                 "nodes":[{"id":"word","type":"input","schema":{"type":"string"}},
                          {"id":"tell","type":"call","extension":"dev.symphony.samples.chaos","capability":"emit",
                           "input":{"name":"word.ready","payload":{"word":"${word}"}}}],
                 "connections":[{"from":"word","to":"tell"}]}""");
        Files.writeString(dir.resolve("listener.melody.json"), """
                {"formatVersion":1,"name":"listener",
                 "triggers":[{"type":"event","on":"extension.event","extension":"dev.symphony.samples.chaos","event":"word.ready"}],
                 "nodes":[{"id":"word","type":"input","schema":{"type":"string"}},
                          {"id":"up","type":"call","extension":"dev.symphony.samples.text-tools","capability":"case",
                           "input":{"text":"${word}","to":"upper"}},
                          {"id":"shout","type":"output","value":"${up.text}!"}],
                 "connections":[{"from":"word","to":"up"},{"from":"up","to":"shout"}]}""");
        Path home = tmp.resolve("home");
        Path out = tmp.resolve("serve.out");
        Path err = tmp.resolve("serve.err");
        ProcessBuilder builder = new ProcessBuilder(REPO.resolve("symphony").toString(), "serve", dir.toString(),
                "--port", "0", "--yes", "--policy", "heuristic").directory(REPO.toFile());
        builder.environment().put("SYMPHONY_HOME", home.toString());
        builder.environment().put("SYMPHONY_NO_REBUILD", "1");
        Process serve = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            Pattern port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/api/");
            Matcher m;
            while (!(m = port.matcher(Files.readString(err))).find()) {
                assertTrue(serve.isAlive(), "serve ended: " + Files.readString(err));
                assertTrue(System.currentTimeMillis() < deadline, "serve did not start: " + Files.readString(err));
                Thread.sleep(100);
            }
            String token = Files.readString(home.resolve("config").resolve("api-token")).strip();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + m.group(1) + "/api/emit"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"word\":\"hello\"}")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(answer.statusCode() == 200 && answer.body().contains("succeeded"), answer.statusCode() + " " + answer.body());
            while (!Files.readString(out).contains("\"shout\":\"HELLO!\"")) {
                assertTrue(serve.isAlive(), "serve ended: " + Files.readString(err));
                assertTrue(System.currentTimeMillis() < deadline, "the listener did not run: "
                        + Files.readString(out) + Files.readString(err));
                Thread.sleep(100);
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }
}
