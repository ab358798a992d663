package dev.symphony.kernel.marketplace;

import com.sun.net.httpserver.HttpServer;
import dev.symphony.kernel.signing.ArchivePacker;
import dev.symphony.kernel.signing.ArchiveSigner;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignedArchives;
import dev.symphony.kernel.signing.TrustedPublishers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** {@code index build}, and reading an index from a folder or a real local HTTP server as the hostile thing it is. */
class ExtensionIndexTest {
    @TempDir
    Path tmp;
    PublisherKey key = PublisherKey.generate(SignedArchives.PUBLISHER);
    TrustedPublishers trust;
    Path repo;
    HttpServer server;

    @BeforeEach
    void publish() throws Exception {
        trust = new TrustedPublishers(tmp.resolve("config"));
        trust.add(key.publisher(), key.publicKey());
        repo = Files.createDirectories(tmp.resolve("repo"));
        for (String v : new String[]{"1.0.0", "1.2.0", "1.10.0"}) {
            Files.move(SignedArchives.signed(tmp, key, "dev.example.tool", v), repo.resolve("dev.example.tool-" + v + ".zip"));
        }
        Files.move(SignedArchives.signed(tmp, key, "dev.example.other", "0.1.0"), repo.resolve("other.zip"));
        IndexBuilder.build(repo, key);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aBuiltIndexListsEveryReleaseAndFindsTheNewest() throws Exception {
        IndexSource.Loaded l = new IndexSource(repo.toString()).load(trust);
        ExtensionIndex.Extension tool = l.index().find("dev.example.tool").orElseThrow();
        assertEquals(3, tool.releases().size());
        assertEquals("1.10.0", tool.newest("0.1.0").orElseThrow().version(), "versions compare as numbers");
        ExtensionIndex.Release r = tool.release("1.2.0").orElseThrow();
        assertEquals(Files.size(repo.resolve(r.archive())), r.size());
        assertTrue(r.permissions().isObject());
        assertTrue(tool.matches("TOOL", null) && tool.matches("a", null), "by id and by capability");
        assertFalse(tool.matches("nothing-like-it", null));
        Path got = l.source().download(r, tmp.resolve("downloads"));
        assertArrayEquals(Files.readAllBytes(repo.resolve(r.archive())), Files.readAllBytes(got));
    }

    @Test
    void aTamperedIndexIsRefusedNamingWhatFailed() throws Exception {
        String text = Files.readString(repo.resolve(IndexBuilder.INDEX));
        Files.writeString(repo.resolve(IndexBuilder.INDEX), text.replace("\"1.0.0\"", "\"1.0.1\""));
        IndexException e = assertThrows(IndexException.class, () -> new IndexSource(repo.toString()).load(trust));
        assertTrue(e.getMessage().contains("does not match its signature (it was changed after signing)"), e.getMessage());
        Files.delete(repo.resolve(IndexBuilder.SIGNATURE));
        assertTrue(assertThrows(IndexException.class, () -> new IndexSource(repo.toString()).load(trust)).getMessage().contains("has no index.json.sig"));
    }

    @Test
    void anIndexSignedByAnUntrustedKeyIsRefused() throws Exception {
        PublisherKey stranger = PublisherKey.generate("dev.example");
        IndexBuilder.build(repo, stranger);
        IndexException e = assertThrows(IndexException.class, () -> new IndexSource(repo.toString()).load(trust));
        assertTrue(e.getMessage().contains("signed by a key you do not trust") && e.getMessage().contains(stranger.fingerprint().substring(0, 4)), e.getMessage());
    }

    @Test
    void anUnsignedArchiveIsNotPublished() throws Exception {
        Path dir = SignedArchives.folder(tmp.resolve("u"), "dev.example.unsigned", "1.0.0");
        ArchivePacker.pack(dir, repo.resolve("unsigned.zip"));
        assertTrue(assertThrows(IndexException.class, () -> IndexBuilder.build(repo, key)).getMessage().contains("unsigned.zip is not signed"));
        ArchiveSigner.sign(repo.resolve("unsigned.zip"), key);
        assertEquals(3, IndexBuilder.build(repo, key).extensions().size());
    }

    String serve(java.util.function.Consumer<com.sun.net.httpserver.HttpExchange> special) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            try (x) {
                String name = x.getRequestURI().getPath().substring("/idx/".length());
                if (special != null && name.endsWith(".zip")) {
                    special.accept(x);
                    return;
                }
                byte[] body = Files.readAllBytes(repo.resolve(name));
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
            } catch (java.io.IOException e) {
                // the client went away
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/idx";
    }

    @Test
    void overHttpAnArchiveWhoseBytesAreNotTheIndexsIsRefused() throws Exception {
        String url = serve(x -> {
            try {
                byte[] evil = Files.readAllBytes(repo.resolve("other.zip"));
                evil[evil.length / 2] ^= 1;
                x.sendResponseHeaders(200, evil.length);
                x.getResponseBody().write(evil);
            } catch (java.io.IOException ignored) {
                // client gone
            }
        });
        IndexSource.Loaded l = new IndexSource(url).load(trust);
        ExtensionIndex.Release r = l.index().find("dev.example.other").orElseThrow().releases().get(0);
        IndexException e = assertThrows(IndexException.class, () -> l.source().download(r, tmp.resolve("d")));
        assertTrue(e.getMessage().contains("has SHA-256") && e.getMessage().contains("but the index lists " + r.sha256()), e.getMessage());
        assertEquals(0, Files.list(tmp.resolve("d")).count(), "nothing left behind");
    }

    @Test
    void overHttpAnEndlessArchiveAndASlowServerAreCutOff() throws Exception {
        String url = serve(x -> {
            try (OutputStream out = x.getResponseBody()) {
                x.sendResponseHeaders(200, 0); // chunked, no length
                byte[] junk = new byte[8192];
                for (int i = 0; i < 100_000; i++) {
                    out.write(junk);
                }
            } catch (java.io.IOException ignored) {
                // the client stopped reading: that is the point
            }
        });
        IndexSource.Loaded l = new IndexSource(url).load(trust);
        ExtensionIndex.Release r = l.index().find("dev.example.other").orElseThrow().releases().get(0);
        IndexException big = assertThrows(IndexException.class, () -> l.source().download(r, tmp.resolve("d")));
        assertTrue(big.getMessage().contains("larger than the " + r.size() + " bytes allowed"), big.getMessage());
        server.stop(0);

        String slow = serve(x -> {
            try {
                x.sendResponseHeaders(200, r.size());
                x.getResponseBody().write(new byte[10]);
                x.getResponseBody().flush();
                Thread.sleep(5_000);
            } catch (Exception ignored) {
                // cut off
            }
        });
        IndexSource.Loaded s = new IndexSource(slow, Duration.ofMillis(500)).load(trust);
        long start = System.nanoTime();
        IndexException cut = assertThrows(IndexException.class, () -> s.source().download(r, tmp.resolve("d")));
        assertTrue(cut.getMessage().contains("did not finish within"), cut.getMessage());
        assertTrue(System.nanoTime() - start < 4_500_000_000L, "cut off at its deadline, not when the server gave up");
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            try (x) {
                x.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
                x.sendResponseHeaders(302, -1);
            }
        });
        server.start();
        IndexException e = assertThrows(IndexException.class,
                () -> new IndexSource("http://127.0.0.1:" + server.getAddress().getPort() + "/").load(trust));
        assertTrue(e.getMessage().contains("HTTP 302 (redirects are not followed)"), e.getMessage());
    }

    @Test
    void aHostileIndexIsNamedByItsJsonPath() {
        String bad = """
                {"format": "symphony-index/1", "extensions": [{"id": "dev.x", "publisher": "p",
                  "versions": [{"version": "1.0.0", "archive": "../../etc/passwd.zip", "size": 10, "sha256": "%s", "engine": "[0.1.0,1.0.0)", "permissions": {}}]}]}
                """.formatted("0".repeat(64));
        IndexException e = assertThrows(IndexException.class, () -> ExtensionIndex.parse(bad.getBytes(StandardCharsets.UTF_8), "idx"));
        assertTrue(e.getMessage().contains("$.extensions[0].versions[0].archive is missing or not valid"), e.getMessage());
    }
}
