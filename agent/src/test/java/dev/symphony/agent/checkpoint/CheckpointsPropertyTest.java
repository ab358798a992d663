package dev.symphony.agent.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random runs ({@code -Dsymphony.test.seed=N} replays one): agent steps (one or two files, or any file like a
 * command) that write, create and delete, the person's own edits between them, then a restore to a random step and its
 * undo. Checked against a reference kept as whole copies of the folder: each file a step at or after the restored one
 * changed is as it was before the first of them, unless someone changed it after the last (a conflict, left alone
 * unless overwritten); every other file is untouched; the undo gives back the folder as it was before the restore.
 */
class CheckpointsPropertyTest {
    static final String[] NAMES = {"a.txt", "b.txt", "d/c.txt", "d/e/f.txt", "g.txt", "h.txt"};
    @TempDir
    Path root;

    @Test
    void restoresAgreeWithWholeCopiesOfTheFolder() throws Exception {
        long seed = seed();
        System.out.println("CheckpointsPropertyTest seed " + seed + " (-Dsymphony.test.seed=" + seed + " replays it)");
        Random random = new Random(seed);
        for (int run = 0; run < 40; run++) {
            Path ws = Files.createDirectories(root.resolve("w" + run));
            Checkpoints checkpoints = new Checkpoints(new WorkspaceFiles(ws, new BlobStore(root.resolve("blobs"), BlobStore.newKey())));
            Map<Integer, Map<String, String>> before = new HashMap<>();
            Map<Integer, Map<String, String>> after = new HashMap<>();
            List<Integer> ids = new ArrayList<>();
            for (String n : NAMES) {
                if (random.nextBoolean()) {
                    write(ws, n, "start " + n);
                }
            }
            for (int s = 2 + random.nextInt(8); s > 0; s--) {
                if (random.nextInt(3) == 0) { // the person, between the agent's steps
                    change(ws, NAMES[random.nextInt(NAMES.length)], random);
                }
                boolean any = random.nextBoolean();
                List<String> scope = any ? null : List.of(NAMES[random.nextInt(NAMES.length)], NAMES[random.nextInt(NAMES.length)]);
                Map<String, String> was = files(ws);
                Checkpoints.Pending step = checkpoints.begin("step", scope == null ? null : new TreeSet<>(scope), List.of());
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    change(ws, scope == null ? NAMES[random.nextInt(NAMES.length)] : scope.get(random.nextInt(scope.size())), random);
                }
                var recorded = step.end();
                assertEquals(!was.equals(files(ws)), recorded.isPresent(), "seed " + seed + ": a step is a checkpoint when it changed a file");
                if (recorded.isPresent()) {
                    ids.add(recorded.get().id());
                    before.put(recorded.get().id(), was);
                    after.put(recorded.get().id(), files(ws));
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            if (random.nextBoolean()) {
                change(ws, NAMES[random.nextInt(NAMES.length)], random);
            }
            int to = ids.get(random.nextInt(ids.size()));
            Map<String, String> now = files(ws);
            Map<String, String> expected = new TreeMap<>(now);
            Set<String> conflicts = new TreeSet<>();
            for (String n : NAMES) {
                Integer first = null;
                Integer last = null;
                for (int id : ids) {
                    if (id >= to && !java.util.Objects.equals(before.get(id).get(n), after.get(id).get(n))) {
                        first = first == null ? id : first;
                        last = id;
                    }
                }
                if (first == null) {
                    continue;
                }
                if (!java.util.Objects.equals(now.get(n), after.get(last).get(n))) {
                    conflicts.add(n);
                }
                put(expected, n, before.get(first).get(n));
            }
            Checkpoints.Plan plan = checkpoints.plan(to, p -> false);
            assertEquals(conflicts, plan.conflicts().keySet(), "seed " + seed + " run " + run + ": conflicts");
            boolean overwrite = random.nextBoolean();
            if (!overwrite) {
                conflicts.forEach(n -> put(expected, n, now.get(n)));
            }
            Checkpoints.Step restore = checkpoints.restore(plan, overwrite, List.of(), p -> false);
            assertEquals(expected, files(ws), "seed " + seed + " run " + run + ": restored to before step " + to);
            checkpoints.restore(checkpoints.plan(restore.id(), p -> false), false, List.of(), p -> false);
            assertEquals(now, files(ws), "seed " + seed + " run " + run + ": the restore undone");
        }
    }

    private static void put(Map<String, String> files, String name, String content) {
        if (content == null) {
            files.remove(name);
        } else {
            files.put(name, content);
        }
    }

    private static void change(Path ws, String name, Random random) throws IOException {
        if (random.nextInt(4) == 0) {
            Files.deleteIfExists(ws.resolve(name));
        } else {
            write(ws, name, "text " + random.nextInt(5)); // few contents: equal ones come back often
        }
    }

    private static void write(Path ws, String name, String text) throws IOException {
        Files.createDirectories(ws.resolve(name).getParent());
        Files.writeString(ws.resolve(name), text);
    }

    private static Map<String, String> files(Path ws) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(ws)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(ws.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }

    private static long seed() {
        String value = System.getProperty("symphony.test.seed", System.getenv("SYMPHONY_TEST_SEED"));
        return value != null ? Long.parseLong(value) : System.nanoTime();
    }
}
