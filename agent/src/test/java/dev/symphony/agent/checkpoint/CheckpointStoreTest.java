package dev.symphony.agent.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.pit.artifact.api.ArtifactStore;
import dev.symphony.pit.artifact.api.ArtifactStoreContext;
import dev.symphony.pit.artifact.api.ContentTier;
import dev.symphony.pit.stale.api.DiskBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.agrona.concurrent.EpochClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints kept in the checkpoint store (the Pit's artifact store) with real files and a controlled clock: a new
 * session — as after the window was closed and the workspace opened again — reads the steps and restores byte for
 * byte, and that restore is kept and undone by a third; the retention drops steps past their month and the copies
 * only they named, never a copy a kept step names (not even over a disk budget of one byte); a store another process
 * holds is said to be unavailable and the session keeps its copies for itself.
 */
class CheckpointStoreTest {
    static final long DAY = Duration.ofDays(1).toMillis();
    @TempDir
    Path dir;
    Path workspace;
    Path base;
    final byte[] key = BlobStore.newKey();
    final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    final EpochClock clock = now::get;

    @BeforeEach
    void setUp() throws IOException {
        workspace = Files.createDirectories(dir.resolve("ws"));
        base = dir.resolve("checkpoints");
        write("a.txt", "one\n");
        write("b.txt", "bee\n");
        write("keep.txt", "keep\n");
        write(".git/HEAD", "ref: refs/heads/main\n");
        Files.setPosixFilePermissions(Files.writeString(workspace.resolve("run.sh"), "echo run\n"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private CheckpointSession open() throws IOException {
        return open(CheckpointRetention.defaults());
    }

    private CheckpointSession open(CheckpointRetention retention) throws IOException {
        CheckpointSession s = CheckpointSession.open(base, key, clock, retention);
        assertTrue(s.kept(), () -> "kept in the store: " + s.notice());
        return s;
    }

    @Test
    void aRestoreWorksAfterTheWorkspaceIsOpenedAgainAndIsItselfUndoneAfterThat() throws IOException {
        Map<String, String> start = files(workspace);
        List<Message> asked = List.of(Message.user("change a and run the script"),
                new Message("assistant", null, List.of(new ToolCall("t1", "run_command",
                        new ObjectMapper().readTree("{\"command\":\"rm b.txt\"}"))), null), Message.toolResult("t1", "exit code 0"));
        int first;
        try (CheckpointSession s = open()) {
            Checkpoints c = s.of(workspace);
            Checkpoints.Pending edit = c.begin("Edit a.txt", List.of("a.txt"), asked.subList(0, 1));
            write("a.txt", "two\n");
            first = edit.end().orElseThrow().id();
            Checkpoints.Pending command = c.begin("Run rm b.txt", null, asked);
            Files.delete(workspace.resolve("b.txt"));
            write("c/new.txt", "new\n");
            command.end().orElseThrow();
        }
        Map<String, String> after = files(workspace);
        int restore;
        try (CheckpointSession s = open()) {
            Checkpoints c = s.of(workspace);
            assertEquals(List.of("Edit a.txt", "Run rm b.txt"), c.steps().stream().map(Checkpoints.Step::title).toList());
            assertEquals(asked, c.steps().get(1).conversation(), "the conversation comes back with its tool calls");
            Checkpoints.Plan plan = c.plan(first, p -> false);
            assertEquals(Map.of(), plan.conflicts());
            restore = c.restore(plan, false, asked, p -> false).id();
            assertEquals(start, files(workspace), "restored byte for byte by a session that did not record the steps");
            assertTrue(Files.isExecutable(workspace.resolve("run.sh")));
        }
        try (CheckpointSession s = open()) {
            Checkpoints c = s.of(workspace);
            Checkpoints.Step kept = c.step(restore).orElseThrow();
            assertTrue(kept.restore(), "the restore is a step of its own, kept too");
            c.restore(c.plan(restore, p -> false), false, List.of(), p -> false);
            assertEquals(after, files(workspace), "the restore undone byte for byte, by yet another session");
        }
        Map<String, byte[]> stored = stored();
        assertTrue(stored.keySet().stream().allMatch(n -> n.startsWith(StoreBlobs.PREFIX) || n.startsWith(StoredSteps.PREFIX)), stored.keySet().toString());
        assertFalse(stored.values().stream().anyMatch(b -> new String(b, StandardCharsets.UTF_8).equals("ref: refs/heads/main\n")),
                "no copy of .git");
        assertEquals(start.get(".git/HEAD"), files(workspace).get(".git/HEAD"));
    }

    @Test
    void pruningDropsOldStepsAndTheCopiesOnlyTheyNamedNeverACopyAKeptStepNames() throws IOException {
        try (CheckpointSession s = open()) { // day 0: a.txt one -> two; every file read (keep.txt among them)
            Checkpoints c = s.of(workspace);
            Checkpoints.Pending step = c.begin("Run sed", null, List.of(Message.user("first")));
            write("a.txt", "two\n");
            step.end().orElseThrow();
        }
        now.addAndGet(20 * DAY);
        try (CheckpointSession s = open()) { // day 20: keep.txt keep -> kept; its "before" is the copy of day 0
            Checkpoints c = s.of(workspace);
            assertEquals(1, c.steps().size(), "20 days old: kept");
            Checkpoints.Pending step = c.begin("Edit keep.txt", List.of("keep.txt"), List.of(Message.user("second")));
            write("keep.txt", "kept\n");
            assertEquals(2, step.end().orElseThrow().id());
        }
        assertTrue(live(BlobStore.hash(bytes("one\n"))), "a copy a kept step names is kept");
        now.addAndGet(20 * DAY);
        try (CheckpointSession s = open()) { // day 40: the first step is past its month
            Checkpoints c = s.of(workspace);
            assertEquals(List.of(2), c.steps().stream().map(Checkpoints.Step::id).toList(), "the 40-day-old step is dropped");
            assertThrows(IllegalArgumentException.class, () -> c.plan(1, p -> false));
        }
        assertFalse(live(BlobStore.hash(bytes("one\n"))), "the copy only the dropped step named is deleted");
        assertTrue(live(BlobStore.hash(bytes("keep\n"))), "the copy of day 0 the kept step names stays, 40 days old");
        now.addAndGet(DAY);
        var tiny = CheckpointRetention.defaults();
        try (CheckpointSession s = open(new CheckpointRetention(tiny.keepSteps(), tiny.maxSteps(), tiny.policy(), new DiskBudget(1, 1)))) {
            Checkpoints c = s.of(workspace);
            c.restore(c.plan(2, p -> false), false, List.of(), p -> false);
            assertEquals("keep\n", Files.readString(workspace.resolve("keep.txt")), "over a one-byte budget the kept step still restores");
        }
    }

    @Test
    void aStoreHeldElsewhereIsSaidAndTheSessionKeepsItsOwnCopies() throws IOException {
        Path root = base.resolve(CheckpointSession.STORE);
        try (RunArtifacts held = RunArtifacts.open(new ArtifactStoreContext().root(root).keySource(CheckpointSession.fixedKey(key, root)), 0, null)) {
            CheckpointSession s = CheckpointSession.open(base, key, clock, CheckpointRetention.defaults());
            assertFalse(s.kept());
            assertTrue(s.notice().orElseThrow().contains("checkpoints are kept only while this process runs (this window, this run): the checkpoint store " + root),
                    s.notice().orElseThrow());
            Checkpoints c = s.of(workspace);
            Checkpoints.Pending step = c.begin("Edit a.txt", List.of("a.txt"), List.of());
            write("a.txt", "two\n");
            c.restore(c.plan(step.end().orElseThrow().id(), p -> false), false, List.of(), p -> false);
            assertEquals("one\n", Files.readString(workspace.resolve("a.txt")));
            Path own = s.folder();
            s.close();
            assertFalse(Files.exists(own), "the session's own copies go with it");
        }
    }

    /** Whether the store holds the copy of content {@code hash} (not purged). */
    private boolean live(String hash) {
        Path root = base.resolve(CheckpointSession.STORE);
        try (RunArtifacts a = RunArtifacts.open(new ArtifactStoreContext().root(root).keySource(CheckpointSession.fixedKey(key, root)), 0, null)) {
            long id = a.store().latest(StoreBlobs.PREFIX + hash);
            return id != 0 && a.store().tier(id) != ContentTier.PURGED;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every artifact of the store that is not purged, by name (newest version). */
    private Map<String, byte[]> stored() throws IOException {
        Path root = base.resolve(CheckpointSession.STORE);
        Map<String, byte[]> out = new TreeMap<>();
        try (RunArtifacts a = RunArtifacts.open(new ArtifactStoreContext().root(root).keySource(CheckpointSession.fixedKey(key, root)), 0, null)) {
            ArtifactStore store = a.store();
            List<Long> ids = new ArrayList<>();
            store.forEachArtifact(ids::add);
            for (long id : ids) {
                if (store.tier(id) != ContentTier.PURGED) {
                    out.put(store.info(id).orElseThrow().name(), store.read(id));
                }
            }
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void write(String rel, String text) throws IOException {
        Path f = workspace.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p) + (Files.isExecutable(p) ? " +x" : ""));
            }
        }
        return out;
    }
}
