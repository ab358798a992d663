package dev.symphony.kernel.signing;

import dev.symphony.kernel.extensions.ArchiveInstaller;
import dev.symphony.kernel.extensions.ExtensionStore;
import dev.symphony.kernel.extensions.HostileZip;
import dev.symphony.kernel.extensions.InstallException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Pack, keygen, sign and the installer's check: what holds, and each way of tampering named when refused. */
class ArchiveSignatureTest {
    @TempDir
    Path tmp;

    PublisherKey key = PublisherKey.generate(SignedArchives.PUBLISHER);

    ArchiveInstaller installer() {
        return new ArchiveInstaller(new ExtensionStore(tmp.resolve("extensions")));
    }

    String refusal(Path archive) {
        InstallException e = assertThrows(InstallException.class, () -> installer().prepare(archive, null));
        assertEquals(2, e.exitCode());
        assertFalse(Files.exists(tmp.resolve("extensions")), "a refused archive leaves no trace");
        return e.getMessage();
    }

    @Test
    void keygenWritesAPrivateFileOnlyItsOwnerReadsAndAPublicFile() throws Exception {
        Path file = tmp.resolve("publisher.key");
        key.write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        PublisherKey.Public pub = PublisherKey.readPublic(PublisherKey.publicFile(file));
        assertEquals(key.fingerprint(), pub.fingerprint());
        assertEquals(SignedArchives.PUBLISHER, pub.publisher());
        assertFalse(Files.readString(PublisherKey.publicFile(file)).contains("privateKey"));
        assertEquals(key.fingerprint(), PublisherKey.read(file).fingerprint());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> key.write(file), "a key is never overwritten");
    }

    @Test
    void aSignedArchiveInstallsAndNamesItsSigner() throws Exception {
        Path archive = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        ArchiveInstaller.Prepared p = installer().prepare(archive, null);
        assertEquals(Optional.of(key.fingerprint()), p.signature().map(ArchiveSignature.Verified::fingerprint));
        Path dir = installer().commit(p);
        assertEquals("another dev.example.ok", Files.readString(dir.resolve("classes/x/Z.class")));
    }

    @Test
    void signingTwiceReplacesTheSignatureAndPackingIsReproducible() throws Exception {
        Path a = SignedArchives.signed(tmp.resolve("a"), key, "dev.example.ok", "1.0.0");
        Path b = ArchivePacker.pack(tmp.resolve("a/dev.example.ok-1.0.0-src"), tmp.resolve("b.zip")).archive();
        ArchiveSigner.sign(b, key);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "Ed25519 is deterministic and packing fixes times and order");
        PublisherKey other = PublisherKey.generate(SignedArchives.PUBLISHER);
        ArchiveSigner.sign(b, other);
        assertEquals(1, SignedArchives.read(b).keySet().stream().filter(ArchiveSignature.ENTRY::equals).count());
        assertEquals(other.fingerprint(), installer().prepare(b, null).signature().orElseThrow().fingerprint());
    }

    @Test
    void anEntryAddedAfterSigningIsRefusedByName() throws Exception {
        Path signed = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        Path tampered = SignedArchives.rewrite(signed, tmp.resolve("added.zip"), m -> {
            m.put("classes/x/Evil.class", SignedArchives.utf8("evil"));
            return m;
        });
        assertTrue(refusal(tampered).contains("entry 'classes/x/Evil.class' was added after signing"));
    }

    @Test
    void anEntryChangedOrRemovedAfterSigningIsRefusedByName() throws Exception {
        Path signed = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        Path changed = SignedArchives.rewrite(signed, tmp.resolve("changed.zip"), m -> {
            m.put("classes/x/Y.class", SignedArchives.utf8("not really a class 1.0.1"));
            return m;
        });
        assertTrue(refusal(changed).contains("entry 'classes/x/Y.class' was changed after signing (its SHA-256 differs"), refusal(changed));
        Path removed = SignedArchives.rewrite(signed, tmp.resolve("removed.zip"), m -> {
            m.remove("classes/x/Z.class");
            return m;
        });
        assertTrue(refusal(removed).contains("entry 'classes/x/Z.class' was removed after signing"));
    }

    @Test
    void anEntryRenamedAfterSigningIsRefusedByItsNewName() throws Exception {
        Path signed = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        Path renamed = SignedArchives.rewrite(signed, tmp.resolve("renamed.zip"), m -> {
            m.put("classes/x/W.class", m.remove("classes/x/Z.class")); // the same bytes under another name
            return m;
        });
        assertTrue(refusal(renamed).contains("entry 'classes/x/W.class' was added after signing"), refusal(renamed));
    }

    /**
     * Two entries of one name: {@code java.util.zip} would read one and an unzip tool might extract the other, so which
     * bytes the signature covered is ambiguous. Refused by name before the signature is looked at, for a class and
     * for the signature itself (a second signature by another key, hoping a reader picks that one).
     */
    @Test
    void aSignedArchiveWithTwoEntriesOfOneNameIsRefused() throws Exception {
        Path signed = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        Path otherSigned = SignedArchives.signed(tmp.resolve("other"), PublisherKey.generate(SignedArchives.PUBLISHER), "dev.example.ok", "1.0.0");
        String[][] duplicates = {
                {"classes/x/Q.class", "classes/x/Y.class", "evil"},
                {"META-INF/symphony-signaturX.json", ArchiveSignature.ENTRY,
                        new String(SignedArchives.read(otherSigned).get(ArchiveSignature.ENTRY), java.nio.charset.StandardCharsets.UTF_8)}};
        for (String[] d : duplicates) {
            HostileZip zip = new HostileZip();
            SignedArchives.read(signed).forEach((name, bytes) -> {
                if (!name.endsWith("/")) { // folders are implied; HostileZip writes files
                    zip.file(name, bytes);
                }
            });
            Path archive = zip.renamed(d[0], d[1], d[2]).write(tmp.resolve("twice.zip"));
            assertTrue(refusal(archive).contains("entry " + d[1] + " appears twice"), refusal(archive));
        }
    }

    @Test
    void aSignatureNestedTooDeeplyIsRefusedAsNotJson() throws Exception {
        Path signed = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        Path deep = SignedArchives.rewrite(signed, tmp.resolve("deep.zip"), m -> {
            m.put(ArchiveSignature.ENTRY, SignedArchives.utf8("[".repeat(200_000)));
            return m;
        });
        String message = refusal(deep);
        assertTrue(message.contains(ArchiveSignature.ENTRY + " is not JSON") && message.contains("depth"), message);
    }

    @Test
    void anAlteredSignatureDocumentIsRefused() throws Exception {
        Path signed = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        // the attacker changes a class and puts its digest into the signed list
        Path tampered = SignedArchives.rewrite(signed, tmp.resolve("list.zip"), m -> {
            byte[] evil = SignedArchives.utf8("evil class!!!!!!!!!!!!!!");
            m.put("classes/x/Y.class", evil);
            String doc = new String(m.get(ArchiveSignature.ENTRY), java.nio.charset.StandardCharsets.UTF_8);
            String sha = java.util.HexFormat.of().formatHex(ArchiveSignature.sha256().digest(evil));
            doc = doc.replaceFirst("(\"name\" : \"classes/x/Y.class\",\\s*\"type\" : \"file\",\\s*\"size\" : )\\d+(,\\s*\"sha256\" : \")[0-9a-f]{64}",
                    "$1" + evil.length + "$2" + sha);
            m.put(ArchiveSignature.ENTRY, SignedArchives.utf8(doc));
            return m;
        });
        assertTrue(refusal(tampered).contains("the signature does not match the signed list of entries"), refusal(tampered));
    }

    @Test
    void aStrippedSignatureMakesAnUnsignedArchiveThatThePolicyRefuses() throws Exception {
        Path signed = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        Path stripped = SignedArchives.rewrite(signed, tmp.resolve("stripped.zip"), m -> {
            m.remove(ArchiveSignature.ENTRY);
            return m;
        });
        ArchiveInstaller.Prepared p = installer().prepare(stripped, null);
        try {
            assertTrue(p.signature().isEmpty());
            TrustedPublishers trust = new TrustedPublishers(tmp.resolve("config"));
            trust.add(key.publisher(), key.publicKey());
            SignaturePolicy.Decision d = SignaturePolicy.decide(p.signature(), "dev.example", trust, false, "stripped.zip");
            assertTrue(d.refused());
            assertTrue(d.message().contains("stripped.zip is not signed"), d.message());
            assertTrue(d.message().contains("--allow-unsigned"), d.message());
            assertEquals(SignaturePolicy.Kind.UNSIGNED_ALLOWED, SignaturePolicy.decide(p.signature(), "dev.example", trust, true, "s").kind());
            SignaturePolicy.Decision reviewed = SignaturePolicy.decide(p.signature(), "dev.example", trust, "the review in a view", "s");
            assertEquals("UNSIGNED, allowed by the review in a view", reviewed.audit(), "the audit names what allowed it, not a flag nobody passed");
            assertTrue(reviewed.message().contains("is UNSIGNED") && !reviewed.message().contains("--allow-unsigned"), reviewed.message());
        } finally {
            installer().abort(p);
        }
    }

    @Test
    void theKeyDecidesTrustAndMustBelongToTheManifestsPublisher() throws Exception {
        TrustedPublishers trust = new TrustedPublishers(tmp.resolve("config"));
        Optional<ArchiveSignature.Verified> v = Optional.of(new ArchiveSignature.Verified(key.publisher(), key.publicKey()));
        assertEquals(SignaturePolicy.Kind.ASK_TRUST, SignaturePolicy.decide(v, "dev.example", trust, false, "a.zip").kind());
        trust.add(key.publisher(), key.publicKey());
        assertEquals(SignaturePolicy.Kind.TRUSTED, SignaturePolicy.decide(v, "dev.example", trust, false, "a.zip").kind());
        SignaturePolicy.Decision other = SignaturePolicy.decide(v, "dev.symphony", trust, true, "a.zip");
        assertTrue(other.refused());
        assertTrue(other.message().contains("says its publisher is 'dev.symphony' but it is signed with a key of 'dev.example'"), other.message());
        // a different key claiming the trusted publisher's name is not trusted
        PublisherKey impostor = PublisherKey.generate("dev.example");
        assertEquals(SignaturePolicy.Kind.ASK_TRUST, SignaturePolicy.decide(
                Optional.of(new ArchiveSignature.Verified("dev.example", impostor.publicKey())), "dev.example", trust, false, "a.zip").kind());
        assertEquals(1, trust.list().size());
        assertTrue(trust.remove(key.fingerprint().substring(0, 10)).isPresent());
        assertTrue(trust.list().isEmpty());
    }

    @Test
    void packRefusesAFolderWithoutAManifestOrWithALink() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(java.io.IOException.class, () -> ArchivePacker.pack(dir, null)).getMessage().contains("has no symphony-extension.json"));
        Path ok = SignedArchives.folder(tmp.resolve("linked"), "dev.example.ok", "1.0.0");
        Files.createSymbolicLink(ok.resolve("classes/home"), Path.of(System.getProperty("user.home")));
        assertTrue(assertThrows(java.io.IOException.class, () -> ArchivePacker.pack(ok, null)).getMessage().contains("is a link"));
    }

    static Map<String, byte[]> copy(Map<String, byte[]> m) {
        return new LinkedHashMap<>(m);
    }
}
