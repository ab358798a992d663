package dev.symphony.kernel.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.signing.ArchivePacker;
import dev.symphony.kernel.signing.ArchiveSigner;
import dev.symphony.kernel.signing.DetachedSignature;
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
    void aSearchFindsByNameDescriptionCategoryOrCapability() {
        ExtensionIndex.Extension e = new ExtensionIndex.Extension("dev.acme.tldr", "Too Long", "dev.acme", "Shortens prose",
                java.util.List.of("Writing"), java.util.List.of("summarize"), java.util.List.of());
        for (String q : new String[]{"TLDR", "too long", "prose", "writ", "summar"}) {
            assertTrue(e.matches(q, null), q);
        }
        assertFalse(e.matches("translate", null));
        assertTrue(e.matches(null, "writing") && e.matches("summar", "Writing"), "a category filter, with or without a query");
        assertFalse(e.matches(null, "Images") || e.matches("summar", "Images"));
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
        return serve(name -> name.endsWith(".zip"), special);
    }

    /** Serves {@link #repo} at {@code /idx/} (404 for what it lacks), answering the names {@code which} picks with {@code special}. */
    String serve(java.util.function.Predicate<String> which, java.util.function.Consumer<com.sun.net.httpserver.HttpExchange> special) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            try (x) {
                String name = x.getRequestURI().getPath().substring("/idx/".length());
                if (special != null && which.test(name)) {
                    special.accept(x);
                    return;
                }
                if (!Files.isRegularFile(repo.resolve(name))) {
                    x.sendResponseHeaders(404, -1);
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
    void overHttpATamperedIndexAndAStrippedIndexSignatureAreRefused() throws Exception {
        String url = serve(null);
        assertEquals(4, new IndexSource(url).load(trust).index().extensions().stream().mapToInt(e -> e.releases().size()).sum(),
                "the untouched index loads over HTTP");
        byte[] signed = Files.readAllBytes(repo.resolve(IndexBuilder.INDEX));
        Files.writeString(repo.resolve(IndexBuilder.INDEX), new String(signed, StandardCharsets.UTF_8).replace("\"1.2.0\"", "\"1.2.1\""));
        IndexException tampered = assertThrows(IndexException.class, () -> new IndexSource(url).load(trust));
        assertTrue(tampered.getMessage().contains("the index at " + url + " does not match its signature"), tampered.getMessage());
        Files.write(repo.resolve(IndexBuilder.INDEX), signed);
        Files.delete(repo.resolve(IndexBuilder.SIGNATURE));
        IndexException stripped = assertThrows(IndexException.class, () -> new IndexSource(url).load(trust));
        assertTrue(stripped.getMessage().contains(IndexBuilder.SIGNATURE + " answered HTTP 404"), stripped.getMessage());
    }

    @Test
    void overHttpAnIndexLargerThanAllowedIsCutOffWhetherItSaysSoOrNot() throws Exception {
        long limit = IndexSource.MAX_INDEX_BYTES;
        String declared = serve(IndexBuilder.INDEX::equals, x -> {
            try (OutputStream out = x.getResponseBody()) {
                x.sendResponseHeaders(200, limit + 1);
                out.write(' ');
                out.flush(); // the headers go out now (JDK 25's server sends nothing for an exchange left unwritten)
            } catch (java.io.IOException ignored) {
                // the client hung up on the length, or the body was closed short of it: that is the point
            }
        });
        IndexException said = assertThrows(IndexException.class, () -> new IndexSource(declared).load(trust));
        assertTrue(said.getMessage().contains("is " + (limit + 1) + " bytes, more than the " + limit + " allowed"), said.getMessage());
        server.stop(0);

        String endless = serve(IndexBuilder.INDEX::equals, x -> {
            try (OutputStream out = x.getResponseBody()) {
                x.sendResponseHeaders(200, 0); // chunked, no length
                byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (long sent = 0; sent <= 2 * limit; sent += spaces.length) {
                    out.write(spaces);
                }
            } catch (java.io.IOException ignored) {
                // the client stopped reading
            }
        });
        IndexException cut = assertThrows(IndexException.class, () -> new IndexSource(endless).load(trust));
        assertTrue(cut.getMessage().contains(IndexBuilder.INDEX + " from " + endless + " is larger than the " + limit + " bytes allowed"), cut.getMessage());
    }

    /** Nesting is what a tree reader recurses on: a document of brackets is refused at Jackson's depth limit, signed or not. */
    @Test
    void anIndexOrIndexSignatureNestedTooDeeplyIsRefusedAsNotJson() throws Exception {
        byte[] deep = "[".repeat(60_000).getBytes(StandardCharsets.US_ASCII); // within the 64 KB a signature file may have
        Files.write(repo.resolve(IndexBuilder.SIGNATURE), deep);
        IndexException sig = assertThrows(IndexException.class, () -> new IndexSource(repo.toString()).load(trust));
        assertTrue(sig.getMessage().contains("its signature file is not JSON"), sig.getMessage());

        byte[] index = ("{\"format\": \"symphony-index/1\", \"extensions\": " + "[".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        Files.write(repo.resolve(IndexBuilder.INDEX), index);
        Files.write(repo.resolve(IndexBuilder.SIGNATURE), DetachedSignature.sign(key, index));
        IndexException doc = assertThrows(IndexException.class, () -> new IndexSource(repo.toString()).load(trust));
        assertTrue(doc.getMessage().contains("is not JSON") && doc.getMessage().contains("depth"), doc.getMessage());
    }

    /**
     * An index (signed by a key the user trusts) that lists one extension and serves another's archive, its size and
     * SHA-256 correct, or lists other permissions than the archive asks for: refused after the download, nothing kept.
     */
    @Test
    void anArchiveThatIsNotWhatItsIndexListsIsRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(repo.resolve(IndexBuilder.INDEX).toFile());
        JsonNode other = doc.path("extensions").get(0).path("versions").get(0);
        assertEquals("other.zip", other.path("archive").asText(), "dev.example.other is listed first");
        ArrayNode toolVersions = (ArrayNode) doc.path("extensions").get(1).path("versions");
        ((ObjectNode) toolVersions.get(2)).put("archive", "other.zip")
                .put("size", other.path("size").asLong()).put("sha256", other.path("sha256").asText());
        ((ObjectNode) toolVersions.get(1)).putObject("permissions").put("processes", true);
        byte[] lying = json.writeValueAsBytes(doc);
        Files.write(repo.resolve(IndexBuilder.INDEX), lying);
        Files.write(repo.resolve(IndexBuilder.SIGNATURE), DetachedSignature.sign(key, lying));

        IndexSource.Loaded l = new IndexSource(repo.toString()).load(trust);
        ExtensionIndex.Extension tool = l.index().find("dev.example.tool").orElseThrow();
        SymphonyPaths paths = SymphonyPaths.under(tmp.resolve("home"));
        IndexException swapped = assertThrows(IndexException.class,
                () -> new Marketplace.Found(l, tool, tool.release("1.10.0").orElseThrow()).download(paths));
        assertTrue(swapped.getMessage().contains("other.zip from " + repo + " is dev.example.other 0.1.0 (its manifest) but the index lists it as dev.example.tool 1.10.0"),
                swapped.getMessage());
        IndexException permissions = assertThrows(IndexException.class,
                () -> new Marketplace.Found(l, tool, tool.release("1.2.0").orElseThrow()).download(paths));
        assertTrue(permissions.getMessage().contains("asks for other permissions (its manifest) than the index lists for dev.example.tool 1.2.0"),
                permissions.getMessage());
        try (var left = Files.list(paths.cache("downloads"))) {
            assertEquals(0, left.count(), "a refused download is not kept");
        }
        Path honest = new Marketplace.Found(l, tool, tool.release("1.0.0").orElseThrow()).download(paths);
        assertArrayEquals(Files.readAllBytes(repo.resolve("dev.example.tool-1.0.0.zip")), Files.readAllBytes(honest));
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
