package dev.symphony.pit.artifact;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;

import dev.symphony.pit.artifact.api.*;

/**
 * The child JVM of {@link KillNineCrashTest}: opens (and so recovers) the store, then writes artifacts
 * forever, printing {@code C <id> <key>} for each artifact only after the fsync that committed it. Content
 * is a pure function of the key, so the parent can check every byte. Also archives and compacts now and
 * then, so a kill can land in those too.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        PrintStream out = System.out;
        try (ArtifactStore store = ArtifactStore.open(new ArtifactStoreContext().root(root).segmentBytes(256 * 1024)
                .syncBatchRecords(1 + random.nextInt(16)))) {
            out.println("READY " + store.artifactCount());
            out.flush();
            long pendingFrom = -1;
            StringBuilder pending = new StringBuilder();
            while (true) {
                long key = random.nextInt(8) == 0 ? random.nextInt(50) : random.nextLong() & Long.MAX_VALUE;
                long id = store.put(ArtifactDraft.of("crash/" + key, ArtifactKind.INTERMEDIATE, "application/octet-stream",
                        content(key), new Provenance("crash-writer", "run", "node", 0, 0, key % 1000)));
                pending.append("C ").append(id).append(' ').append(key).append('\n');
                if (pendingFrom < 0) {
                    pendingFrom = id;
                }
                if (random.nextInt(40) == 0) {
                    store.archive(pendingFrom, "crash-writer");
                }
                if (random.nextInt(200) == 0) {
                    store.compact();
                }
                if (store.isCommitted(id)) {
                    out.print(pending);
                    out.flush();
                    pending.setLength(0);
                    pendingFrom = -1;
                }
            }
        }
    }

    /** Deterministic content of a key: 0..8 KiB, half compressible text, half random bytes. */
    static byte[] content(long key) {
        Random random = new Random(key);
        byte[] bytes = new byte[random.nextInt(8192)];
        if ((key & 1) == 0) {
            random.nextBytes(bytes);
        } else {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ("symphony artifact ".charAt((i + random.nextInt(2)) % 18));
            }
        }
        return bytes;
    }
}
