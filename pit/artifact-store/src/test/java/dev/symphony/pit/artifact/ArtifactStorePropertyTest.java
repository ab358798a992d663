package dev.symphony.pit.artifact;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.symphony.pit.artifact.api.*;

/**
 * Seeded random operations (put with duplicate contents, score, relate, archive, purge, compact, reopen)
 * against a plain reference model: the store must always return exactly what was committed.
 */
class ArtifactStorePropertyTest {
    /** The store's folder inside the temporary one, so that its key file (beside the folder, never in it) is cleaned up too. */
    @TempDir
    Path tmp;
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void storeFolder() {
        dir = tmp.resolve("store");
    }

    @Test
    void storeReturnsExactlyWhatWasCommitted() {
        long seed = Seeds.seed();
        Random random = new Random(seed);
        Map<Long, byte[]> expected = new HashMap<>();
        ReferenceTiers tiers = new ReferenceTiers(expected);
        Map<Long, String> names = new HashMap<>();
        List<byte[]> pool = new ArrayList<>();
        ArtifactStore store = open();
        try {
            for (int step = 0; step < 600; step++) {
                int op = random.nextInt(100);
                List<Long> ids = new ArrayList<>(expected.keySet());
                long some = ids.isEmpty() ? 0 : ids.get(random.nextInt(ids.size()));
                String where = "seed " + seed + " step " + step;
                if (op < 50 || ids.isEmpty()) {
                    byte[] content = !pool.isEmpty() && random.nextInt(4) == 0 ? pool.get(random.nextInt(pool.size()))
                            : content(random);
                    pool.add(content);
                    String name = "n" + random.nextInt(20);
                    long id = store.put(new ArtifactDraft(name, ArtifactKind.of(random.nextInt(4)), "t", content,
                            new Provenance("p" + random.nextInt(3), "run", "node", step, step + 1, step),
                            some == 0 || random.nextBoolean() ? null : new long[] {some}));
                    expected.put(id, content.clone());
                    tiers.put(id);
                    names.put(id, name);
                } else if (op < 60) {
                    store.archive(some, "prop");
                    tiers.archive(some);
                } else if (op < 66) {
                    store.purge(some, "prop", "random");
                    tiers.purge(some);
                } else if (op < 74) {
                    QualityScores q = new QualityScores(random.nextFloat(), random.nextFloat(), random.nextFloat());
                    store.score(some, q, "prop");
                    assertEquals(q, store.info(some).orElseThrow().quality(), where);
                } else if (op < 80) {
                    store.compact();
                } else if (op < 84) {
                    store.close();
                    store = open();
                } else {
                    assertEquals(tiers.get(some), store.tier(some), where + " tier of " + some);
                    if (tiers.get(some) != ContentTier.PURGED) {
                        assertArrayEquals(expected.get(some), store.read(some), where + " content of " + some);
                    } else {
                        ArtifactStore current = store;
                        long id = some;
                        assertThrows(ArtifactStoreException.class, () -> current.read(id), where);
                    }
                }
            }
            store.close();
            store = open();
            for (Map.Entry<Long, byte[]> e : expected.entrySet()) {
                String where = "seed " + seed + " final, artifact " + e.getKey();
                assertEquals(tiers.get(e.getKey()), store.tier(e.getKey()), where);
                assertEquals(names.get(e.getKey()), store.info(e.getKey()).orElseThrow().name(), where);
                if (tiers.get(e.getKey()) != ContentTier.PURGED) {
                    assertArrayEquals(e.getValue(), store.read(e.getKey()), where);
                }
            }
            assertEquals(expected.size(), store.artifactCount());
        } finally {
            store.close();
        }
    }

    /** The reference model of tiers: content is shared by equal bytes; purge counts holders. */
    private static final class ReferenceTiers {
        final Map<Long, byte[]> contents;
        final Map<String, ContentTier> contentTier = new HashMap<>();
        final Map<String, Integer> holders = new HashMap<>();
        final java.util.Set<Long> purged = new java.util.HashSet<>();

        ReferenceTiers(Map<Long, byte[]> contents) {
            this.contents = contents;
        }

        String key(long id) {
            return java.util.HexFormat.of().formatHex(contents.get(id));
        }

        void put(long id) {
            String k = key(id);
            if (contentTier.getOrDefault(k, ContentTier.PURGED) == ContentTier.PURGED) {
                contentTier.put(k, ContentTier.LOCAL);
            }
            holders.merge(k, 1, Integer::sum);
        }

        void archive(long id) {
            if (!purged.contains(id) && contentTier.get(key(id)) == ContentTier.LOCAL) {
                contentTier.put(key(id), ContentTier.ARCHIVED);
            }
        }

        void purge(long id) {
            if (purged.add(id) && holders.merge(key(id), -1, Integer::sum) == 0) {
                contentTier.put(key(id), ContentTier.PURGED);
            }
        }

        ContentTier get(long id) {
            return purged.contains(id) ? ContentTier.PURGED : contentTier.get(key(id));
        }
    }

    private ArtifactStore open() {
        return ArtifactStore.open(new ArtifactStoreContext().root(dir).segmentBytes(16 * 1024).syncBatchRecords(64));
    }

    private static byte[] content(Random random) {
        int length = random.nextInt(4) == 0 ? random.nextInt(6000) : random.nextInt(300);
        byte[] bytes = new byte[length];
        if (random.nextBoolean()) {
            random.nextBytes(bytes);
        } else {
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) ('a' + random.nextInt(3));
            }
        }
        return bytes;
    }
}
