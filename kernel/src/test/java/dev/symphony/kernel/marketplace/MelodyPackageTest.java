package dev.symphony.kernel.marketplace;

import dev.symphony.kernel.signing.ArchiveSignature;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignedArchives;
import dev.symphony.kernel.signing.TrustedPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Polyphony's packages: written, signed, indexed beside extensions, and refused when anything about them is off. */
class MelodyPackageTest {
    static final byte[] MELODY = "{\n  \"formatVersion\": 1, \"name\": \"Shout\"\n}\n".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path tmp;
    PublisherKey key = PublisherKey.generate(SignedArchives.PUBLISHER);
    TrustedPublishers trust;
    Path repo;

    @BeforeEach
    void setUp() throws IOException {
        trust = new TrustedPublishers(tmp.resolve("config"));
        trust.add(key.publisher(), key.publicKey());
        repo = Files.createDirectories(tmp.resolve("repo"));
    }

    MelodyPackage.Meta meta(String version) {
        return new MelodyPackage.Meta("dev.example.shout", version, key.publisher(), "Shout", "upper-cases a text",
                List.of("text"), List.of(new MelodyListing.Requirement("dev.example.tool", "1.2.0")));
    }

    @Test
    void aPackageIsIndexedBesideExtensionsAndOpensToTheAuthorsBytes() throws Exception {
        Files.move(SignedArchives.signed(tmp, key, "dev.example.tool", "1.2.0"), repo.resolve("tool-1.2.0.zip"));
        MelodyPackage.write(repo, meta("1.0.0"), MELODY, key);
        MelodyPackage.write(repo, meta("1.1.0"), MELODY, key);
        ExtensionIndex built = IndexBuilder.build(repo, key);
        assertEquals(1, built.extensions().size(), "the Melody packages are not taken for extensions");
        IndexSource.Loaded l = new IndexSource(repo.toString()).load(trust);
        MelodyListing shout = l.index().findMelody("dev.example.shout").orElseThrow();
        assertEquals(List.of("1.0.0", "1.1.0"), shout.releases().stream().map(MelodyListing.Release::version).toList());
        assertTrue(shout.matches("TEXT", null) && shout.matches(null, "text") && !shout.matches("nothing", null));
        MelodyListing.Release r = shout.newest().orElseThrow();
        assertEquals(List.of(new MelodyListing.Requirement("dev.example.tool", "1.2.0")), r.requires());
        assertTrue(r.requires().get(0).satisfiedBy("1.10.0") && !r.requires().get(0).satisfiedBy("1.1.9"));
        Path got = l.source().download(r, tmp.resolve("downloads"));
        MelodyPackage.Opened opened = MelodyPackage.open(got, trust);
        assertArrayEquals(MELODY, opened.melody(), "the Melody's bytes exactly as written");
        assertEquals(meta("1.1.0"), opened.meta());
    }

    @Test
    void aChangedAddedOrUnsignedPackageIsRefusedNamingWhatFailed() throws Exception {
        Path signed = MelodyPackage.write(repo, meta("1.0.0"), MELODY, key);
        Path changed = SignedArchives.rewrite(signed, tmp.resolve("changed.zip"), m -> {
            m.put(MelodyPackage.MELODY, SignedArchives.utf8("{\"formatVersion\":1,\"name\":\"Evil\"}"));
            return m;
        });
        assertTrue(message(changed).contains("melody.json"), message(changed));
        Path added = SignedArchives.rewrite(signed, tmp.resolve("added.zip"), m -> {
            m.put("lib/evil.jar", new byte[]{1});
            return m;
        });
        assertTrue(message(added).contains("'lib/evil.jar', which a Melody package may not"), message(added));
        Path stripped = SignedArchives.rewrite(signed, tmp.resolve("stripped.zip"), m -> {
            m.remove(ArchiveSignature.ENTRY);
            return m;
        });
        assertTrue(message(stripped).contains("is not signed"), message(stripped));
    }

    @Test
    void aPackageOfAnUntrustedKeyOrAnotherPublishersKeyIsRefused() throws Exception {
        PublisherKey stranger = PublisherKey.generate(SignedArchives.PUBLISHER);
        Path unknown = MelodyPackage.write(Files.createDirectories(tmp.resolve("other")), meta("1.0.0"), MELODY, stranger);
        assertTrue(message(unknown).contains("only from a trusted publisher"), message(unknown));
        PublisherKey mallory = PublisherKey.generate("mallory");
        trust.add(mallory.publisher(), mallory.publicKey());
        assertThrows(IllegalArgumentException.class, () -> MelodyPackage.write(repo, meta("2.0.0"), MELODY, mallory),
                "a key writes packages of its own publisher only");
    }

    @Test
    void anIndexWhoseMelodyListingIsMalformedIsRefusedWithItsPath() {
        String doc = "{\"format\":\"symphony-index/1\",\"extensions\":[],\"melodies\":[{\"id\":\"dev.example.shout\",\"publisher\":\"p\","
                + "\"versions\":[{\"version\":\"1.0.0\",\"archive\":\"../up.zip\",\"size\":10,\"sha256\":\"" + "a".repeat(64) + "\"}]}]}";
        IndexException e = assertThrows(IndexException.class, () -> ExtensionIndex.parse(doc.getBytes(StandardCharsets.UTF_8), "idx"));
        assertTrue(e.getMessage().contains("idx: $.melodies[0].versions[0].archive"), e.getMessage());
        String badRange = doc.replace("../up.zip", "up.zip").replace("\"}]}]}", "\",\"requires\":[{\"extension\":\"x\",\"range\":\"[1,\"}]}]}]}");
        e = assertThrows(IndexException.class, () -> ExtensionIndex.parse(badRange.getBytes(StandardCharsets.UTF_8), "idx"));
        assertTrue(e.getMessage().contains("$.melodies[0].versions[0].requires[0].range"), e.getMessage());
    }

    private String message(Path archive) {
        return assertThrows(IndexException.class, () -> MelodyPackage.open(archive, trust)).getMessage();
    }
}
