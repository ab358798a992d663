package dev.symphony.pit.artifact;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.symphony.pit.artifact.api.*;

/**
 * A kill -9 leaves the page cache intact, so torn and lost writes are tested directly: the log is cut at
 * every byte offset of its last records, and bytes of its tail are flipped. Recovery must keep every
 * complete record, drop only the damaged tail (quarantined, not deleted), and accept new writes after it.
 */
class TornWriteRecoveryTest {
    private static final int RECORDS = 8;
    private static final int TAIL_RECORDS = 3;

    @TempDir
    Path dir;
    byte[] key;
    byte[] pristine;
    long[] ends = new long[RECORDS];
    byte[][] contents = new byte[RECORDS][];
    long[] ids = new long[RECORDS];

    @BeforeEach
    void writeLog() throws Exception {
        Random random = new Random(7);
        Path source = dir.resolve("source");
        try (ArtifactStore store = ArtifactStore.open(new ArtifactStoreContext().root(source).syncBatchRecords(1))) {
            for (int i = 0; i < RECORDS; i++) {
                contents[i] = new byte[16 + random.nextInt(24)];
                random.nextBytes(contents[i]);
                ids[i] = store.put(ArtifactDraft.of("a" + i, ArtifactKind.OUTPUT, "b", contents[i],
                        Provenance.manual("test", i)));
                ends[i] = Files.size(segment(source));
            }
        }
        key = Files.readAllBytes(source.resolveSibling(source.getFileName() + ".key"));
        pristine = Files.readAllBytes(segment(source));
        assertEquals(ends[RECORDS - 1], pristine.length);
    }

    @Test
    void truncatingAtEveryByteOfTheTailKeepsExactlyTheCompleteRecords() throws Exception {
        int from = (int) ends[RECORDS - TAIL_RECORDS - 1];
        for (int cut = from; cut <= pristine.length; cut++) {
            Path root = prepare("cut-" + cut, Arrays.copyOf(pristine, cut));
            int complete = completeRecords(cut);
            try (ArtifactStore store = open(root)) {
                assertEquals(cut - (complete == 0 ? 0 : ends[complete - 1]), store.recoveryReport().droppedBytes(),
                        "cut at " + cut);
                assertSurvivors(store, complete, "cut at " + cut);
                long fresh = store.put(ArtifactDraft.of("after", ArtifactKind.OUTPUT, "x", new byte[] {1, 2, 3},
                        Provenance.manual("test", 0)));
                store.sync();
                assertEquals(ids[complete - 1] + 1, fresh, "ids continue after the last complete record");
            }
            try (ArtifactStore store = open(root)) {
                assertEquals(0, store.recoveryReport().droppedBytes(), "a repaired log reopens clean (cut " + cut + ")");
                assertSurvivors(store, complete, 1, "reopen after cut at " + cut);
                assertArrayEquals(new byte[] {1, 2, 3}, store.read(ids[complete - 1] + 1));
            }
        }
    }

    @Test
    void flippingAByteInTheTailDropsThatRecordAndWhatFollowsOnly() throws Exception {
        int from = (int) ends[RECORDS - TAIL_RECORDS - 1];
        for (int position = from; position < pristine.length; position++) {
            byte[] damaged = pristine.clone();
            damaged[position] ^= (byte) (1 << (position % 8));
            Path root = prepare("flip-" + position, damaged);
            int kept = completeRecords(position); // the record holding the flipped byte is torn
            try (ArtifactStore store = open(root)) {
                RecoveryReport report = store.recoveryReport();
                assertEquals(pristine.length - ends[kept - 1], report.droppedBytes(), "flip at " + position);
                assertEquals(1, report.quarantined().size());
                byte[] quarantined = Files.readAllBytes(report.quarantined().get(0));
                assertArrayEquals(Arrays.copyOfRange(damaged, (int) ends[kept - 1], damaged.length), quarantined,
                        "dropped bytes are kept for inspection");
                assertSurvivors(store, kept, "flip at " + position);
            }
        }
    }

    private void assertSurvivors(ArtifactStore store, int complete, String what) {
        assertSurvivors(store, complete, 0, what);
    }

    private void assertSurvivors(ArtifactStore store, int complete, int writtenAfter, String what) {
        assertEquals(complete + writtenAfter, store.artifactCount(), what);
        for (int i = 0; i < RECORDS; i++) {
            if (i < complete) {
                assertArrayEquals(contents[i], store.read(ids[i]), what + ": record " + i);
                assertTrue(store.isCommitted(ids[i]));
            } else {
                assertTrue(i >= complete + writtenAfter ? !store.contains(ids[i])
                        : !Arrays.equals(contents[i], new byte[] {1, 2, 3}), what + ": torn record " + i + " must be gone");
            }
        }
    }

    private int completeRecords(long length) {
        int n = 0;
        while (n < RECORDS && ends[n] <= length) {
            n++;
        }
        return n;
    }

    private Path prepare(String name, byte[] log) throws Exception {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("wal"));
        Files.write(root.resolve("keystore"), key); // an old-style key in the folder: moved out on open
        Files.write(segment(root), log);
        return root;
    }

    private static ArtifactStore open(Path root) {
        return ArtifactStore.open(new ArtifactStoreContext().root(root));
    }

    private static Path segment(Path root) {
        return root.resolve("wal").resolve("0000000001.wal");
    }
}
