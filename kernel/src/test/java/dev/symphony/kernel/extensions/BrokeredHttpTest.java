package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.ipc.api.BusPaths;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.secrets.EncryptedSecretFile;
import dev.symphony.kernel.secrets.KernelSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Brokered HTTP end to end: a real host JVM (under bubblewrap where usable, so with no network of its own) asks
 * the kernel for HTTP, against a real local server that streams slowly. Back-pressure, cancellation, timeouts,
 * size limits, permissions, and the secrets bar of issue 18: the extension that hunts for its key finds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokeredHttpTest {
    static final String ID = "dev.symphony.test.httpprobe";
    static final String KEY = "sk-test-9f8e7d6c5b4a3210-do-not-leak";
    static final String ENV_KEY = "sk-openai-from-the-kernel-environment-77";
    static final ObjectMapper JSON = new ObjectMapper();
    SlowHttpServer server;
    SlowHttpServer other;
    SymphonyPaths paths;
    Kernel kernel;

    @BeforeAll
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) throws Exception {
        server = new SlowHttpServer();
        other = new SlowHttpServer();
        paths = SymphonyPaths.under(tmp.resolve("home"));
        Path plugin = TestPlugins.build("httpprobe", tmp.resolve("build"));
        Path manifest = plugin.resolve("symphony-extension.json");
        Files.writeString(manifest, Files.readString(manifest).replace("__OTHER_PORT__", String.valueOf(other.port()))
                .replace("__PORT__", String.valueOf(server.port())));
        TestPlugins.install(new ExtensionStore(paths.data("extensions")), TestPlugins.zip(plugin, tmp.resolve("httpprobe.zip")));
        Path secretFile = KernelSecrets.fileUnder(paths);
        new EncryptedSecretFile(secretFile, () -> Optional.of("test passphrase".toCharArray())).set("TEST_API_KEY", KEY);
        kernel = Kernel.start(new KernelContext().paths(paths).workspace(tmp).secrets(new KernelSecrets(
                () -> new EncryptedSecretFile(secretFile, () -> Optional.of("test passphrase".toCharArray())),
                Map.of("OPENAI_API_KEY", ENV_KEY))));
    }

    @AfterAll
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
        server.close();
        other.close();
    }

    JsonNode http(String input) throws Exception {
        return JSON.readTree(kernel.call(new CapabilityCall("test", ID, "http", JSON.readTree(input), Duration.ofSeconds(50)))
                .output().path("text").asText());
    }

    KernelStream relay(String input) throws Exception {
        return kernel.stream(new CapabilityCall("test", ID, "relay", JSON.readTree(input), Duration.ofSeconds(30)));
    }

    static void waitFor(String what, java.util.function.BooleanSupplier done, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "not within " + ms + " ms: " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void anyMethodWithHeadersAndABody() throws Exception {
        JsonNode r = http("{\"method\":\"PUT\",\"url\":\"" + server.url("/echo?id=put") + "\",\"headers\":{\"X-Test\":\"yes\"},\"body\":\"the body\"}");
        assertEquals(200, r.path("status").asInt(), r.toString());
        String body = r.path("body").asText();
        assertTrue(body.startsWith("PUT\n"), body);
        assertTrue(body.contains("X-test: yes"), body);
        assertTrue(body.endsWith("\nthe body"), body);
        assertEquals(body.getBytes(StandardCharsets.UTF_8).length, r.path("bytes").asLong());
    }

    @Test
    void serverSentEventsArriveAsTheServerSendsThem() throws Exception {
        try (KernelStream s = relay("{\"url\":\"" + server.url("/sse?id=sse&n=5&delayMs=400") + "\"}")) {
            JsonNode first = s.next();
            assertEquals("data: event 0\n\n", first.path("token").asText());
            assertTrue(server.exchange("sse").events.get() < 5, "the first event came before the server had sent them all");
            int n = 1;
            while (s.next() != null) {
                n++;
            }
            assertEquals(5, n, "each event is its own chunk");
        }
        assertTrue(server.exchange("sse").finished);
    }

    @Test
    void aSlowConsumerHoldsTheServerBack() throws Exception {
        SlowHttpServer.Exchange rec = server.exchange("flood");
        assertEquals(200, http("{\"url\":\"" + server.url("/echo?id=before-flood") + "\"}").path("status").asInt());
        long hostPid = kernel.player(ID).orElseThrow().hostPid();
        try (KernelStream s = relay("{\"url\":\"" + server.url("/flood?id=flood&mb=60") + "\"}")) {
            assertNotNull(s.next());
            assertNotNull(s.next());
            Thread.sleep(1500); // the consumer stops taking chunks; unchecked, the server would send all 60 MB in this time
            long written = rec.written.get();
            assertTrue(written < 24L << 20, "the server was held back by the consumer: it wrote " + written + " bytes");
            long taken = 0;
            for (int i = 0; i < 200; i++) { // taking chunks again lets it go on
                taken += s.next().path("token").asText().length();
            }
            assertTrue(taken > 0);
        }
        waitFor("the closed stream closed the connection", () -> rec.closedByClientAtNanos != 0, 10_000);
        assertFalse(rec.finished, "the server did not get to send all of it");
        assertEquals(200, http("{\"url\":\"" + server.url("/echo?id=after-flood") + "\"}").path("status").asInt());
        assertEquals(hostPid, kernel.player(ID).orElseThrow().hostPid(), "cancelling the stream left the host running");
    }

    @Test
    void cancellingClosesTheConnection() throws Exception {
        SlowHttpServer.Exchange rec = server.exchange("cancel");
        long cancelledAt;
        try (KernelStream s = relay("{\"url\":\"" + server.url("/sse?id=cancel&n=1000&delayMs=20") + "\"}")) {
            for (int i = 0; i < 3; i++) {
                assertNotNull(s.next());
            }
            cancelledAt = System.nanoTime();
        }
        waitFor("the server saw its connection closed", () -> rec.closedByClientAtNanos != 0, 10_000);
        System.out.println("cancel -> server saw the connection closed after "
                + (rec.closedByClientAtNanos - cancelledAt) / 1_000_000 + " ms");
        assertTrue(rec.events.get() < 1000, "the server stopped before the end: " + rec.events.get());
        waitFor("the cancelled request is audited", () -> audited(e -> e.path("what").asText().equals("network.http.done")
                && e.path("resource").asText().equals("GET http://127.0.0.1:" + server.port())
                && e.path("detail").asText().contains("CANCELLED")), 10_000);
    }

    @Test
    void theRequestTimesOutAndItsConnectionIsClosed() throws Exception {
        long t0 = System.nanoTime();
        JsonNode r = http("{\"url\":\"" + server.url("/stall?id=stall") + "\",\"timeoutMs\":700}");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("TIMEOUT", r.path("error").path("code").asText(), r.toString());
        assertTrue(ms < 10_000, "timed out after " + ms + " ms");
        waitFor("the server saw the connection closed", () -> server.exchange("stall").closedByClientAtNanos != 0, 10_000);
    }

    @Test
    void aResponseOverItsSizeLimitIsCutOff() throws Exception {
        JsonNode r = http("{\"url\":\"" + server.url("/big?id=big&bytes=2000000") + "\",\"maxBytes\":100000}");
        assertEquals("LIMIT_EXCEEDED", r.path("error").path("code").asText(), r.toString());
        assertTrue(r.path("error").path("message").asText().contains("100000"), r.toString());
        JsonNode ok = http("{\"url\":\"" + server.url("/big?id=small&bytes=5000") + "\",\"maxBytes\":100000}");
        assertEquals(5000, ok.path("bytes").asLong(), ok.toString());
    }

    @Test
    void anUndeclaredHostIsRefusedByTheKernel() throws Exception {
        int before = server.requests.size();
        String url = server.url("/echo?id=undeclared").replace("127.0.0.1", "localhost");
        JsonNode sdk = http("{\"url\":\"" + url + "\"}");
        assertEquals("PERMISSION_DENIED", sdk.path("error").path("code").asText(), sdk.toString());
        JsonNode raw = http("{\"url\":\"" + url + "\",\"raw\":true}"); // past the SDK's check: the kernel refuses
        assertEquals("PERMISSION_DENIED", raw.path("error").path("code").asText(), raw.toString());
        JsonNode file = http("{\"url\":\"file:///etc/passwd\",\"raw\":true}");
        assertEquals("INVALID_INPUT", file.path("error").path("code").asText(), file.toString());
        assertEquals(before, server.requests.size(), "nothing reached the server");
        kernel.audit().flush();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("what").asText().equals("network.http")
                && e.path("decision").asText().equals("denied") && e.path("resource").asText().contains("localhost")));
    }

    @Test
    void theGrantedHostGetsTheSecretAsItsHeader() throws Exception {
        JsonNode r = http("{\"url\":\"" + server.url("/echo?id=auth") + "\",\"secrets\":[\"TEST_API_KEY\",\"OPENAI_API_KEY\"]}");
        assertEquals(200, r.path("status").asInt(), r.toString());
        // the server got the key (its echo is redacted on the way back, so the test asks the server's own record)
        String body = r.path("body").asText();
        assertTrue(body.contains("Authorization: Bearer [secret]"), body);
        assertTrue(body.contains("X-api-key: [secret]"), "the kernel's own environment supplies OPENAI_API_KEY: " + body);
        assertFalse(body.contains(KEY) || body.contains(ENV_KEY), body);
        assertEquals("Bearer [secret]", r.path("headers").path("x-echo-authorization").path(0).asText(), r.toString());
        int before = other.requests.size();
        String to = java.net.URLEncoder.encode(other.url("/echo?id=redirected"), StandardCharsets.UTF_8);
        JsonNode redirect = http("{\"url\":\"" + server.url("/redirect?id=redirect&to=" + to) + "\",\"secrets\":[\"TEST_API_KEY\"]}");
        assertEquals(302, redirect.path("status").asInt(), "the extension sees the redirect: " + redirect);
        assertEquals(before, other.requests.size(), "the kernel did not follow it with the key");
    }

    @Test
    void theExtensionThatHuntsForItsKeyFindsNothing() throws Exception {
        JsonNode found = JSON.readTree(kernel.call(new CapabilityCall("test", ID, "hunt", JSON.readTree("{\"echoUrl\":\""
                + server.url("/echo?id=hunt") + "\",\"otherUrl\":\"" + other.url("/echo?id=other") + "\"}"),
                Duration.ofSeconds(50))).output().path("text").asText());
        String text = found.toString();
        assertFalse(text.contains(KEY) || text.contains(ENV_KEY), "the extension got hold of a key: " + text);
        JsonNode tries = found.path("tries");
        assertTrue(tries.path(0).path("body").asText().contains("Authorization: Bearer [secret]"), tries.path(0).toString());
        for (int i = 1; i <= 3; i++) {
            assertEquals("PERMISSION_DENIED", tries.path(i).path("error").path("code").asText(), "try " + i + ": " + tries.path(i));
        }
        assertFalse(tries.path(4).path("body").asText().contains(KEY), "no placeholder is expanded");
        assertEquals("INVALID_INPUT", tries.path(5).path("error").path("code").asText(), "its own header for the injected one: " + tries.path(5));
        assertEquals("PERMISSION_DENIED", tries.path(6).path("error").path("code").asText(), tries.path(6).toString());
        assertEquals(1, other.requests.size(), "only the request without a secret reached the other host: " + other.requests);
        // nowhere on disk or in the host's process: its log, the audit log, the bus files, its data folder, its /proc
        kernel.audit().flush();
        List<Path> places = new ArrayList<>(List.of(paths.dataDir(), paths.configDir(), paths.cacheDir(),
                BusPaths.forKernel(ProcessHandle.current().pid())));
        for (Path place : places) {
            assertNotLeakedUnder(place);
        }
        long pid = kernel.player(ID).orElseThrow().hostPid();
        List<ProcessHandle> host = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(host::add);
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(host::add));
        assertFalse(host.isEmpty(), "the host runs");
        for (ProcessHandle h : host) {
            for (String f : List.of("environ", "cmdline")) {
                Path proc = Path.of("/proc", Long.toString(h.pid()), f);
                if (Files.isReadable(proc)) {
                    String s = new String(Files.readAllBytes(proc), StandardCharsets.ISO_8859_1);
                    assertFalse(s.contains(KEY) || s.contains(ENV_KEY), proc + " holds a key");
                }
            }
        }
        assertTrue(Files.readString(paths.data("logs").resolve("extensions").resolve(ID + ".log")).contains("hunt found"),
                "the hunt's findings were logged (and hold no key)");
    }

    boolean audited(java.util.function.Predicate<JsonNode> entry) {
        kernel.audit().flush();
        try {
            return AuditLog.readAll(paths.data("audit")).stream().anyMatch(entry);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertNotLeakedUnder(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
        byte[] envKey = ENV_KEY.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] b;
                try {
                    b = Files.readAllBytes(f);
                } catch (java.io.IOException gone) {
                    continue; // a queue file rolled away meanwhile
                }
                assertFalse(contains(b, key) || contains(b, envKey), "a key is in " + f);
            }
        }
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
