package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.signing.ArchiveSignature;
import dev.symphony.kernel.signing.SignedArchives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** {@code ext keygen|pack|sign|trust} and a signed or unsigned {@code ext install} as a user runs them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtSigningCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    Path tmp;
    Path home;
    String previousHome;

    @BeforeAll
    void setUp(@TempDir Path dir) {
        tmp = dir;
        home = dir.resolve("home");
        previousHome = System.getProperty("symphony.home");
        System.setProperty("symphony.home", home.toString());
    }

    @AfterAll
    void tearDown() {
        if (previousHome == null) {
            System.clearProperty("symphony.home");
        } else {
            System.setProperty("symphony.home", previousHome);
        }
    }

    record Result(int code, String out, String err) {
    }

    static Result ext(Supplier<BufferedReader> terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExtCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
        return new Result(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8));
    }

    static Supplier<BufferedReader> answers(String text) {
        return () -> new BufferedReader(new StringReader(text));
    }

    List<JsonNode> audit(String what) throws Exception {
        return AuditLog.readAll(home.resolve("data/audit")).stream().filter(e -> e.path("what").asText().equals(what)).toList();
    }

    @Test
    void anAuthorSignsAndAUserInstallsAfterTrustingTheKeyAtFirstUse() throws Exception {
        Path key = tmp.resolve("keys/me.key");
        Files.createDirectories(key.getParent());
        Result gen = ext(() -> null, "keygen", "--out", key.toString(), "--publisher", SignedArchives.PUBLISHER);
        assertEquals(0, gen.code(), gen.err());
        String fingerprint = JSON.readTree(gen.out()).path("fingerprint").asText();
        Path dir = SignedArchives.folder(tmp.resolve("src"), "dev.example.signed", "1.0.0");
        Result pack = ext(() -> null, "pack", dir.toString(), "--out", tmp.resolve("signed.zip").toString());
        assertEquals(0, pack.code(), pack.err());
        Result sign = ext(() -> null, "sign", tmp.resolve("signed.zip").toString(), "--key", key.toString());
        assertEquals(0, sign.code(), sign.err());

        Result noTerminal = ext(() -> null, "install", tmp.resolve("signed.zip").toString(), "--yes");
        assertEquals(1, noTerminal.code());
        assertTrue(noTerminal.err().contains(fingerprint.substring(0, 4) + " " + fingerprint.substring(4, 8)), "the prompt shows the fingerprint: " + noTerminal.err());
        assertTrue(noTerminal.err().contains("symphony ext trust add KEY.pub"), noTerminal.err());
        assertFalse(Files.exists(home.resolve("data/extensions/dev.example.signed")));

        Result yes = ext(answers("y\ny\n"), "install", tmp.resolve("signed.zip").toString());
        assertEquals(0, yes.code(), yes.err());
        assertTrue(ext(() -> null, "trust", "list").out().contains(fingerprint));
        assertTrue(audit("ext.install").stream().anyMatch(e -> e.path("detail").asText().contains("signed by dev.example key " + fingerprint)));

        // trusted from now on: --yes is enough, no question about the key
        Result again = ext(() -> null, "install", tmp.resolve("signed.zip").toString(), "--yes");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("a trusted publisher key"), again.err());

        assertEquals(0, ext(() -> null, "trust", "remove", fingerprint.substring(0, 12)).code());
        assertEquals("", ext(() -> null, "trust", "list").out());
        assertEquals(0, ext(() -> null, "trust", "add", key + ".pub", "--yes").code());
        assertEquals(1, audit("ext.publisher.untrust").size());
    }

    @Test
    void anUnsignedOrStrippedArchiveNeedsAllowUnsignedAndTheAuditSaysSo() throws Exception {
        Path dir = SignedArchives.folder(tmp.resolve("unsigned-src"), "dev.example.unsigned", "1.0.0");
        Path zip = tmp.resolve("unsigned.zip");
        assertEquals(0, ext(() -> null, "pack", dir.toString(), "--out", zip.toString()).code());
        Result refused = ext(() -> null, "install", zip.toString(), "--yes");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("is not signed") && refused.err().contains("--allow-unsigned"), refused.err());
        assertTrue(audit("ext.install").stream().anyMatch(e -> e.path("resource").asText().equals("dev.example.unsigned")
                && e.path("decision").asText().equals("denied") && e.path("detail").asText().contains("UNSIGNED")));

        Result allowed = ext(() -> null, "install", zip.toString(), "--allow-unsigned", "--yes");
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.err().contains("is UNSIGNED"), allowed.err());
        assertTrue(audit("ext.install").stream().anyMatch(e -> e.path("resource").asText().equals("dev.example.unsigned")
                && e.path("decision").asText().equals("allowed") && e.path("detail").asText().contains("UNSIGNED, allowed by --allow-unsigned")));
    }

    @Test
    void aTamperedArchiveIsRefusedEvenWithAllowUnsigned() throws Exception {
        Path key = tmp.resolve("tamper.key");
        assertEquals(0, ext(() -> null, "keygen", "--out", key.toString(), "--publisher", SignedArchives.PUBLISHER).code());
        Path dir = SignedArchives.folder(tmp.resolve("tamper-src"), "dev.example.tamper", "1.0.0");
        Path zip = tmp.resolve("tamper.zip");
        ext(() -> null, "pack", dir.toString(), "--out", zip.toString());
        ext(() -> null, "sign", zip.toString(), "--key", key.toString());
        Path added = SignedArchives.rewrite(zip, tmp.resolve("added.zip"), m -> {
            m.put("lib/evil.jar", new byte[10]);
            return m;
        });
        Result r = ext(answers("y\ny\n"), "install", added.toString(), "--allow-unsigned");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("entry 'lib/evil.jar' was added after signing"), r.err());
        assertTrue(SignedArchives.read(added).containsKey(ArchiveSignature.ENTRY));
    }

    @Test
    void keygenNeverOverwritesAndSignNamesABadKey() throws Exception {
        Path key = tmp.resolve("once.key");
        assertEquals(0, ext(() -> null, "keygen", "--out", key.toString(), "--publisher", "p").code());
        Result twice = ext(() -> null, "keygen", "--out", key.toString(), "--publisher", "p");
        assertEquals(1, twice.code());
        assertTrue(twice.err().contains("will not overwrite a key"), twice.err());
        Result badKey = ext(() -> null, "sign", tmp.resolve("x.zip").toString(), "--key", key + ".pub");
        assertEquals(2, badKey.code());
        assertTrue(badKey.err().contains("is not a Symphony publisher key"), badKey.err());
    }
}
