package dev.symphony.pit.artifact;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.symphony.pit.artifact.api.*;

class ArtifactStoreTest {
    /** The store's folder inside the temporary one, so that its key file (beside the folder, never in it) is cleaned up too. */
    @TempDir
    Path tmp;
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void storeFolder() {
        dir = tmp.resolve("store");
    }
    final CachedEpochClock clock = new CachedEpochClock();

    ArtifactStore open() {
        clock.update(1_700_000_000_000L);
        return ArtifactStore.open(new ArtifactStoreContext().root(dir).epochClock(clock).segmentBytes(8192));
    }

    static ArtifactDraft draft(String name, String text, long... derivedFrom) {
        return new ArtifactDraft(name, ArtifactKind.INTERMEDIATE, "text/plain", text.getBytes(StandardCharsets.UTF_8),
                new Provenance("llm.test", "run-1", "summarize", 10, 20, 1234), derivedFrom);
    }

    @Test
    void putThenReadReturnsTheSameBytesAndMetadata() {
        try (ArtifactStore store = open()) {
            long id = store.put(draft("run-1/summary", "hello world"));
            assertEquals("hello world", new String(store.read(id), StandardCharsets.UTF_8));
            ArtifactInfo info = store.info(id).orElseThrow();
            assertEquals("run-1/summary", info.name());
            assertEquals(1, info.version());
            assertEquals(11, info.size());
            assertEquals(new Provenance("llm.test", "run-1", "summarize", 10, 20, 1234), info.provenance());
            assertEquals(ContentTier.LOCAL, info.tier());
            assertEquals(1_700_000_000_000L, info.committedAtMs());
            assertEquals("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", info.contentHash());
            assertFalse(info.quality().scored());
            assertTrue(info.live());
        }
    }

    @Test
    void identicalContentIsStoredOnce() {
        try (ArtifactStore store = open()) {
            String big = "x".repeat(5000) + "unique tail";
            long a = store.put(draft("a", big));
            long local = store.localContentBytes();
            long b = store.put(draft("b", big));
            assertEquals(local, store.localContentBytes(), "second copy must not add stored bytes");
            assertEquals(store.info(a).orElseThrow().contentHash(), store.info(b).orElseThrow().contentHash());
            assertTrue(local < 200, "5 KB of repeated text must compress, stored " + local);
            assertArrayEquals(store.read(a), store.read(b));
        }
    }

    @Test
    void contentAndNamesAreEncryptedAtRestButTheKeyFileIsOwnerOnly() throws Exception {
        String secret = "the launch code is 0000 " + "padding ".repeat(3);
        try (ArtifactStore store = open()) {
            store.sync();
            store.put(draft("n", secret));
            store.put(new ArtifactDraft("m", ArtifactKind.OUTPUT, "text/plain",
                    "incompressible?".getBytes(StandardCharsets.UTF_8), Provenance.manual("me", 1), null));
        }
        try (Stream<Path> files = Files.walk(dir.resolve("wal"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains("launch code"), "plaintext content found in " + file);
                assertFalse(raw.contains("incompressible?"), "plaintext content found in " + file);
            }
        }
        Path key = dir.resolveSibling(dir.getFileName() + ".key");
        assertFalse(Files.exists(dir.resolve("keystore")), "no key in the folder it encrypts");
        assertEquals(44, Files.size(key));
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(key));
        }
    }

    @Test
    void aWrongKeyFileIsDetectedOnRead() throws Exception {
        long id;
        try (ArtifactStore store = open()) {
            id = store.put(draft("n", "some content"));
        }
        Path keyFile = dir.resolveSibling(dir.getFileName() + ".key");
        byte[] key = Files.readAllBytes(keyFile);
        Files.delete(keyFile);
        try (ArtifactStore store = open()) { // a fresh key is generated
            ArtifactStoreException e = assertThrows(ArtifactStoreException.class, () -> store.read(id));
            assertTrue(e.getMessage().contains("integrity"), e.getMessage());
        }
        Files.write(keyFile, key);
        try (ArtifactStore store = open()) {
            assertEquals("some content", new String(store.read(id), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aKeyAnOlderStoreKeptInItsFolderIsMovedOutAndStillReadsItsArtifacts() throws Exception {
        long id;
        try (ArtifactStore store = open()) {
            id = store.put(draft("n", "old content"));
        }
        Path keyFile = dir.resolveSibling(dir.getFileName() + ".key");
        Files.move(keyFile, dir.resolve("keystore")); // how a store before this change kept its key
        Path elsewhere = dir.resolveSibling("keys").resolve("artifacts.key");
        try (ArtifactStore store = ArtifactStore.open(new ArtifactStoreContext().root(dir)
                .keySource(ArtifactKeyFactory.file(elsewhere)))) {
            assertEquals("old content", new String(store.read(id), StandardCharsets.UTF_8));
        }
        assertFalse(Files.exists(dir.resolve("keystore")), "the key left the folder it encrypts");
        assertEquals(44, Files.size(elsewhere));
        Path inside = dir.resolve("sub").resolve("k.key");
        ArtifactStoreException refused = assertThrows(ArtifactStoreException.class, () -> ArtifactStore.open(
                new ArtifactStoreContext().root(dir).keySource(ArtifactKeyFactory.file(inside))));
        assertTrue(refused.getMessage().contains("never sit in the folder it encrypts"), refused.getMessage());
        Files.copy(elsewhere, dir.resolve("keystore"));
        try (ArtifactStore store = ArtifactStore.open(new ArtifactStoreContext().root(dir).keySource(ArtifactKeyFactory.file(elsewhere)))) {
            assertEquals("old content", new String(store.read(id), StandardCharsets.UTF_8), "a leftover copy of the same key is removed");
        }
        assertFalse(Files.exists(dir.resolve("keystore")));
    }

    @Test
    void versionsRelationsScoresAndAuditSurviveReopen() {
        long input;
        long v1;
        long v2;
        try (ArtifactStore store = open()) {
            input = store.put(draft("run-1/input", "question"));
            v1 = store.put(draft("run-1/answer", "first try", input));
            clock.advance(5);
            v2 = store.put(draft("run-1/answer", "second try", input));
            store.score(v2, new QualityScores(0.9f, 0.8f, 0.7f), "conductor");
            store.relate(v2, RelationKind.DERIVED_FROM, v1, "conductor");
        }
        try (ArtifactStore store = open()) {
            assertArrayEquals(new long[] {v1, v2}, store.versions("run-1/answer"));
            assertEquals(v2, store.latest("run-1/answer"));
            ArtifactInfo first = store.info(v1).orElseThrow();
            ArtifactInfo second = store.info(v2).orElseThrow();
            assertEquals(v2, first.supersededBy());
            assertFalse(first.live());
            assertEquals(2, second.version());
            assertEquals(v1, second.supersedes());
            assertEquals(new QualityScores(0.9f, 0.8f, 0.7f), second.quality());
            assertArrayEquals(new long[] {input, v1}, store.related(v2, RelationKind.DERIVED_FROM));
            assertArrayEquals(new long[] {v1, v2}, store.relatedFrom(input, RelationKind.DERIVED_FROM));
            assertArrayEquals(new long[] {v1}, store.related(v2, RelationKind.SUPERSEDES));
            List<AuditEntry> audit = store.auditTrail(v2);
            assertEquals(List.of(AuditAction.PUT, AuditAction.SCORE, AuditAction.RELATE),
                    audit.stream().map(AuditEntry::action).toList());
            assertEquals("llm.test", audit.get(0).actor());
            assertEquals("conductor", audit.get(1).actor());
        }
    }

    @Test
    void unknownIdsAreRejectedWithTheirId() {
        try (ArtifactStore store = open()) {
            ArtifactStoreException e = assertThrows(ArtifactStoreException.class, () -> store.read(42));
            assertTrue(e.getMessage().contains("42"), e.getMessage());
            assertThrows(ArtifactStoreException.class, () -> store.put(draft("x", "y", 7)));
            assertTrue(store.info(42).isEmpty());
        }
    }

    @Test
    void archivePurgeAndCompactReclaimSpaceWithoutLosingWhatIsKept() throws Exception {
        long[] ids = new long[12];
        try (ArtifactStore store = open()) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = store.put(draft("doc-" + i, randomText(i, 3000)));
            }
            assertEquals(ContentTier.LOCAL, store.tier(ids[0]));
            assertTrue(store.archive(ids[0], "stale-manager") > 0);
            assertEquals(ContentTier.ARCHIVED, store.tier(ids[0]));
            assertTrue(store.purge(ids[1], "stale-manager", "over budget") > 0);
            assertEquals(ContentTier.PURGED, store.tier(ids[1]));
            long walBefore = walBytes();
            long freed = store.compact();
            assertTrue(freed > 0, "compaction must free the archived and purged bytes");
            assertEquals(walBefore - freed, walBytes());
            assertEquals(randomText(0, 3000), new String(store.read(ids[0]), StandardCharsets.UTF_8));
            ArtifactStoreException purged = assertThrows(ArtifactStoreException.class, () -> store.read(ids[1]));
            assertTrue(purged.getMessage().contains("purged"), purged.getMessage());
            assertEquals(List.of(AuditAction.PUT, AuditAction.PURGE),
                    store.auditTrail(ids[1]).stream().map(AuditEntry::action).toList());
        }
        try (ArtifactStore store = open()) {
            assertEquals(ContentTier.ARCHIVED, store.tier(ids[0]));
            assertEquals(ContentTier.PURGED, store.tier(ids[1]));
            for (int i = 2; i < ids.length; i++) {
                assertEquals(randomText(i, 3000), new String(store.read(ids[i]), StandardCharsets.UTF_8));
            }
            assertEquals(randomText(0, 3000), new String(store.read(ids[0]), StandardCharsets.UTF_8));
            assertTrue(store.info(ids[1]).isPresent(), "metadata of purged artifacts stays");
        }
    }

    @Test
    void sharedContentIsPurgedOnlyWhenTheLastHolderGoes() {
        try (ArtifactStore store = open()) {
            long a = store.put(draft("a", "shared bytes"));
            long b = store.put(draft("b", "shared bytes"));
            assertEquals(0, store.purge(a, "t", "test"), "b still holds the content");
            assertEquals("shared bytes", new String(store.read(b), StandardCharsets.UTF_8));
            assertTrue(store.purge(b, "t", "test") > 0);
            long c = store.put(draft("c", "shared bytes"));
            assertEquals("shared bytes", new String(store.read(c), StandardCharsets.UTF_8));
        }
    }

    /** Found by ArtifactStorePropertyTest (seed 22473052696146): replaying the old purge deleted the new archive file. */
    @Test
    void contentArchivedAgainAfterAPurgeSurvivesReopen() {
        long again;
        try (ArtifactStore store = open()) {
            long first = store.put(draft("a", "archived twice"));
            store.archive(first, "t");
            store.purge(first, "t", "test"); // the last holder: the archive file goes
            again = store.put(draft("b", "archived twice"));
            store.archive(again, "t"); // the same content, so the same archive file, written anew
        }
        try (ArtifactStore store = open()) {
            assertEquals(ContentTier.ARCHIVED, store.tier(again));
            assertEquals("archived twice", new String(store.read(again), StandardCharsets.UTF_8));
        }
    }

    @Test
    void doWorkFsyncsPendingRecordsAfterTheInterval() {
        var nanos = new org.agrona.concurrent.CachedNanoClock();
        try (ArtifactStore store = ArtifactStore.open(new ArtifactStoreContext().root(dir).nanoClock(nanos)
                .syncBatchRecords(100).syncIntervalNs(1_000_000))) {
            long id = store.put(draft("a", "b"));
            assertFalse(store.isCommitted(id));
            assertEquals(0, store.doWork());
            nanos.advance(1_000_000);
            assertEquals(1, store.doWork());
            assertTrue(store.isCommitted(id));
        }
    }

    private long walBytes() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
            long sum = 0;
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                sum += Files.size(p);
            }
            return sum;
        }
    }

    static String randomText(long seed, int length) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.append(Long.toString(random.nextLong(), 36)).append(' ');
        }
        return sb.substring(0, length);
    }
}
