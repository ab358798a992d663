package dev.symphony.pit.artifact;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.symphony.kernel.process.JvmFlags;
import dev.symphony.pit.artifact.api.*;

/**
 * Done-when of issue 7: a real child JVM writes artifacts and reports each commit; it is killed with
 * SIGKILL ({@code destroyForcibly} on Linux) at random moments, round after round on the same store.
 * After every kill, recovery must keep every committed artifact byte-for-byte, and every artifact that
 * survived (committed or not) must read back intact — no corrupt artifact is ever visible.
 */
class KillNineCrashTest {
    private static final int ROUNDS = 15;

    /** The store's folder inside the temporary one, so that its key file (beside the folder, never in it) is cleaned up too. */

    @TempDir

    Path tmp;

    Path dir;


    @org.junit.jupiter.api.BeforeEach

    void storeFolder() {

        dir = tmp.resolve("store");

    }

    @Test
    void everyCommittedArtifactSurvivesKillNine() throws Exception {
        long seed = Seeds.seed();
        Random random = new Random(seed);
        Map<Long, Long> committed = new ConcurrentHashMap<>(); // id -> content key
        for (int round = 0; round < ROUNDS; round++) {
            int before = committed.size();
            Process child = start(random.nextLong());
            CountDownLatch firstCommit = new CountDownLatch(1);
            Thread reader = new Thread(() -> readCommits(child, committed, firstCommit), "crash-child-stdout");
            reader.start();
            // Kill at a random moment after the child has committed in this round (so every round tests
            // something), anywhere in put, fsync, archive or compaction.
            assertTrue(firstCommit.await(60, TimeUnit.SECONDS), "child did not commit (seed " + seed + ")");
            Thread.sleep(random.nextInt(300));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join(10_000);
            String what = "seed " + seed + " round " + round;
            assertTrue(committed.size() > before, what + ": the child committed nothing");
            try (ArtifactStore store = ArtifactStore.open(new ArtifactStoreContext().root(dir))) {
                for (Map.Entry<Long, Long> e : committed.entrySet()) {
                    assertTrue(store.contains(e.getKey()), what + ": committed artifact " + e.getKey() + " lost");
                    assertArrayEquals(CrashWriterMain.content(e.getValue()), store.read(e.getKey()),
                            what + ": committed artifact " + e.getKey());
                }
                List<Long> all = new ArrayList<>();
                store.forEachArtifact(all::add);
                for (long id : all) {
                    long key = Long.parseLong(store.info(id).orElseThrow().name().substring("crash/".length()));
                    assertArrayEquals(CrashWriterMain.content(key), store.read(id), what + ": artifact " + id);
                }
                System.out.println(what + ": " + committed.size() + " committed, " + all.size() + " in store, recovery "
                        + store.recoveryReport());
            }
        }
    }

    private Process start(long childSeed) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        JvmFlags flags = JvmFlags.forCurrentRuntime();
        command.addAll(flags.flags());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashWriterMain.class.getName());
        command.add(dir.toString());
        command.add(Long.toString(childSeed));
        // stderr to a file, not inherited: surefire talks to its fork over the fork's standard streams.
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + "-child.err").toFile()));
        builder.environment().putAll(flags.environment());
        return builder.start();
    }

    private static void readCommits(Process child, Map<Long, Long> committed, CountDownLatch firstCommit) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("C")) { // a line cut by the kill is not a report
                    committed.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                    firstCommit.countDown();
                }
            }
        } catch (java.io.IOException e) {
            // the child was killed mid-line: what was reported before is what counts
        }
    }
}
