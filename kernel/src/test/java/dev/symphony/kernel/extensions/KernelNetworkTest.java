package dev.symphony.kernel.extensions;

import com.sun.net.httpserver.HttpServer;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.NetworkProtocol;
import dev.symphony.kernel.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Brokered fetches against a real local HTTP server: the kernel, not the extension, bounds the body it reads
 * and how long it waits. Before, the whole body was read into the IDE's heap and the extension chose any timeout.
 */
class KernelNetworkTest {
    @TempDir
    Path tmp;
    HttpServer server;
    AuditLog audit;
    String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/small", x -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/endless", x -> { // chunked, never ends on its own: only the reader's limit stops it
            x.sendResponseHeaders(200, 0);
            try (var out = x.getResponseBody()) {
                byte[] chunk = new byte[64 << 10];
                while (true) {
                    out.write(chunk);
                }
            } catch (java.io.IOException abandoned) {
                // the kernel closed the connection
            }
        });
        server.createContext("/slow", x -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        audit = new AuditLog(tmp.resolve("audit"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        audit.close();
    }

    Player player(String id, String permissions) throws Exception {
        Player p = new Player(id, tmp, Player.Origin.INSTALLED);
        p.manifest = ManifestReader.read(ArchiveInstallerTest.MANIFEST.replace("\"permissions\": {}", "\"permissions\": " + permissions)
                .getBytes(StandardCharsets.UTF_8), "test");
        p.permissions = new PermissionChecker(p.manifest.permissions(), new PermissionChecker.Roots(tmp, tmp, tmp));
        return p;
    }

    @Test
    void anAnswerOverTheLimitIsAbandonedAndTheErrorNamesExtensionAndLimit() throws Exception {
        KernelNetwork network = new KernelNetwork(audit, 100_000, Duration.ofSeconds(30));
        Acting acting = Acting.itself(player("dev.example.fetcher", "{\"network\": [\"127.0.0.1\"]}"));
        assertEquals("hello", network.fetch(acting, new NetworkProtocol.Fetch(base + "/small", 5000)).path("body").asText());
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> network.fetch(acting, new NetworkProtocol.Fetch(base + "/endless", 20_000)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("dev.example.fetcher") && e.getMessage().contains("100000"), e.getMessage());
    }

    @Test
    void theKernelCapsTheTimeoutAnExtensionAsksFor() throws Exception {
        KernelNetwork network = new KernelNetwork(audit, 100_000, Duration.ofMillis(300));
        Acting acting = Acting.itself(player("dev.example.fetcher", "{\"network\": [\"127.0.0.1\"]}"));
        long start = System.nanoTime();
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> network.fetch(acting, new NetworkProtocol.Fetch(base + "/slow", Long.MAX_VALUE)));
        assertEquals(ErrorCode.TIMEOUT, e.code(), e.getMessage());
        assertTrue(System.nanoTime() - start < 8_000_000_000L, "ended by the kernel's cap, not the server's 10 s");
        assertTrue(e.getMessage().contains("cap"), e.getMessage());
    }

    @Test
    void onAnotherExtensionsBehalfTheCallersHostsCountToo() throws Exception {
        KernelNetwork network = new KernelNetwork(audit, 100_000, Duration.ofSeconds(30));
        Player callee = player("dev.example.fetcher", "{\"network\": [\"127.0.0.1\"]}");
        Player caller = player("dev.example.nonet", "{}");
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> network.fetch(new Acting(callee, List.of(caller)), new NetworkProtocol.Fetch(base + "/small", 5000)));
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
        assertTrue(e.getMessage().contains("dev.example.nonet"), e.getMessage());
        CallFailedException scheme = assertThrows(CallFailedException.class,
                () -> network.fetch(Acting.itself(callee), new NetworkProtocol.Fetch("file:///etc/passwd", 5000)));
        assertEquals(ErrorCode.PERMISSION_DENIED, scheme.code(), "only http and https");
    }
}
