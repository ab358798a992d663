package dev.symphony.sdk.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.HttpProtocol;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.sdk.api.ExtensionException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The SDK's HTTP client alone (a unit test: the broker below is a test double that records what would go to the
 * kernel and replays chunks; the real path is the kernel's {@code BrokeredHttpTest}).
 */
class HostHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final class RecordingBroker implements Broker {
        final List<Object> streamed = new ArrayList<>();
        final List<LogProtocol.HostEvent> events = new ArrayList<>();
        final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        byte[] end;
        boolean closed;

        @Override
        public JsonNode request(String op, Object args) {
            throw new AssertionError("no unary request expected");
        }

        @Override
        public void event(LogProtocol.HostEvent event) {
            events.add(event);
        }

        @Override
        public Stream stream(String op, Object args, Duration idleTimeout) {
            assertEquals(BrokerProtocol.NETWORK_HTTP, op);
            streamed.add(args);
            return new Stream() {
                @Override
                public byte[] next() {
                    return chunks.poll();
                }

                @Override
                public byte[] end() {
                    return chunks.isEmpty() ? end : null;
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }

    static HostHttp client(RecordingBroker broker) {
        var grant = new ExtensionManifest.SecretGrant("OPENAI_API_KEY", "api.openai.com:443", "Authorization", "Bearer {secret}");
        var permissions = new ExtensionManifest.Permissions(List.of(), List.of(), List.of("api.openai.com:443", "127.0.0.1:8080"),
                false, 64, 1.0, List.of(grant));
        Path p = Path.of("/tmp");
        return new HostHttp(broker, new PermissionChecker(permissions, new PermissionChecker.Roots(p, p, p)));
    }

    @Test
    void undeclaredHostsAndUngrantedSecretsFailFastAndAreReported() {
        RecordingBroker broker = new RecordingBroker();
        HostHttp http = client(broker);
        ExtensionException host = assertThrows(ExtensionException.class, () -> http.open(BrokeredRequest.get("https://example.org/")));
        assertEquals(ErrorCode.PERMISSION_DENIED, host.code());
        ExtensionException secret = assertThrows(ExtensionException.class,
                () -> http.open(BrokeredRequest.get("http://127.0.0.1:8080/").withSecret("OPENAI_API_KEY")));
        assertEquals(ErrorCode.PERMISSION_DENIED, secret.code(), "the grant is for api.openai.com:443 only");
        assertEquals(2, broker.events.size());
        assertTrue(broker.events.stream().allMatch(e -> e.kind().equals("denied")));
        assertTrue(broker.streamed.isEmpty(), "nothing was sent to the kernel");
    }

    @Test
    void aStreamedResponseReadsHeadThenChunksAndClosingEarlyCancels() throws Exception {
        RecordingBroker broker = new RecordingBroker();
        broker.chunks.add(JSON.writeValueAsBytes(new HttpProtocol.Head(200, Map.of("content-type", List.of("text/event-stream")))));
        broker.chunks.add("data: a\n\n".getBytes(StandardCharsets.UTF_8));
        broker.chunks.add("data: b\n\n".getBytes(StandardCharsets.UTF_8));
        broker.end = JSON.writeValueAsBytes(new HttpProtocol.End(18));
        BrokeredRequest r = BrokeredRequest.postJson("https://api.openai.com/v1/chat/completions", "{}")
                .withSecret("OPENAI_API_KEY").withTimeout(Duration.ofSeconds(5)).withMaxResponseBytes(1000);
        try (HttpStream s = client(broker).open(r)) {
            assertEquals(200, s.status());
            assertEquals("text/event-stream", s.header("Content-Type").orElseThrow());
            try (InputStream body = s.body()) {
                assertEquals("data: a\n\ndata: b\n\n", new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertEquals(18, s.bytes());
        }
        assertFalse(broker.closed, "a stream read to its end is not cancelled");
        HttpProtocol.Request wire = (HttpProtocol.Request) broker.streamed.get(0);
        assertEquals("POST", wire.method());
        assertEquals(List.of("OPENAI_API_KEY"), wire.secrets());
        assertEquals(5000, wire.timeoutMs());
        assertEquals(1000, wire.maxResponseBytes());
        assertEquals(List.of("application/json"), wire.headers().get("Content-Type"));

        RecordingBroker early = new RecordingBroker();
        early.chunks.add(JSON.writeValueAsBytes(new HttpProtocol.Head(200, Map.of())));
        early.chunks.add("x".getBytes(StandardCharsets.UTF_8));
        try (HttpStream s = client(early).open(BrokeredRequest.get("http://127.0.0.1:8080/"))) {
            assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), s.next());
        }
        assertTrue(early.closed, "closing before the end cancels the request");
    }
}
