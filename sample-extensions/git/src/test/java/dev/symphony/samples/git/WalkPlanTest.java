package dev.symphony.samples.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;

/**
 * The parts of a {@link WalkPlan} cover every path exactly once: seeded random indexes (deep and flat folders, names
 * that sort between a folder's entries such as {@code a-b} and {@code a.txt} beside {@code a/}), planned into several
 * parts, then walked — with each part's filter — over a tree that holds the index's paths and more the plan never saw
 * (files in new folders and in planned ones, whole new subtrees). {@code -Dsymphony.test.seed=N} repeats a run.
 */
class WalkPlanTest {
    @Test
    void everyPathIsInExactlyOnePart() throws Exception {
        long seed = ScratchRepo.seed("WalkPlanTest");
        Random random = new Random(seed);
        for (int round = 0; round < 30; round++) {
            TreeSet<String> indexed = new TreeSet<>();
            int n = 1 + random.nextInt(400);
            while (indexed.size() < n) {
                indexed.add(path(random, 4));
            }
            TreeSet<String> onDisk = new TreeSet<>(indexed);
            for (int i = random.nextInt(100); i > 0; i--) {
                onDisk.add(random.nextBoolean() ? path(random, 5) : "new" + random.nextInt(5) + "/" + path(random, 3));
            }
            TreeSet<String> all = new TreeSet<>(onDisk);
            onDisk.removeIf(p -> all.stream().anyMatch(q -> q.startsWith(p + "/"))); // a name is a file or a folder
            indexed.retainAll(onDisk);
            int parts = 1 + random.nextInt(9);
            WalkPlan plan = WalkPlan.of(index(indexed), parts, 1 + random.nextInt(20));
            List<String> seen = new ArrayList<>();
            for (int p = 0; p < plan.parts(); p++) {
                try (TreeWalk walk = new TreeWalk((ObjectReader) null)) {
                    walk.addTree(new DirCacheIterator(index(onDisk)));
                    walk.setRecursive(true);
                    walk.setFilter(plan.filter(p));
                    while (walk.next()) {
                        seen.add(walk.getPathString());
                    }
                }
            }
            String where = "seed " + seed + ", round " + round + ", " + plan.parts() + " parts of " + indexed.size() + " entries";
            seen.sort(null);
            assertEquals(new ArrayList<>(onDisk), seen, where);
            if (parts > 1 && indexed.size() > 40) {
                assertTrue(plan.parts() > 1, "a large index is split: " + where);
            }
        }
    }

    @Test
    void aSmallIndexIsOneWalk() {
        TreeSet<String> paths = new TreeSet<>(List.of("a.txt", "src/b.txt", "src/c.txt"));
        assertEquals(1, WalkPlan.of(index(paths), 4, 2).parts(), "3 entries, at least 2 a part: one part");
        assertEquals(2, WalkPlan.of(index(paths), 4, 1).parts(), "the root's rest and src");
    }

    /** A path of up to {@code depth} folders from small alphabets, so names repeat and folders fill up. */
    private static String path(Random random, int depth) {
        StringBuilder b = new StringBuilder();
        for (int d = random.nextInt(depth + 1); d > 0; d--) {
            b.append(List.of("a", "a-b", "b", "src", "d" + random.nextInt(12)).get(random.nextInt(5))).append('/');
        }
        return b.append(List.of("a.txt", "a", "f" + random.nextInt(50), "z").get(random.nextInt(4))).toString();
    }

    private static DirCache index(TreeSet<String> paths) {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (String p : paths) {
            DirCacheEntry e = new DirCacheEntry(p);
            e.setFileMode(FileMode.REGULAR_FILE);
            e.setObjectId(ObjectId.zeroId());
            builder.add(e);
        }
        builder.finish();
        return index;
    }
}
