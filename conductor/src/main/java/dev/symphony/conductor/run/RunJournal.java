package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.fs.AtomicFiles;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's folder under {@code <data>/runs/RUN_ID}: {@code run.json} (the Melody as it was started, its
 * file, the inputs and options: what a resume needs) and {@code events.jsonl}, every event of the run in
 * order. Each line is written with one {@code write} call before the executor goes on, so a process killed
 * with SIGKILL loses at most the line being written (the page cache belongs to the OS); a torn last line is
 * ignored on reading. The artifact store is written first, so a journal line never names a missing artifact.
 * Whoever executes the run {@link #claim claims} it: an OS lock on {@code run.lock}, which the OS releases when the
 * process ends however it ends (SIGKILL and power loss included), so "running, and nobody holds the lock" means
 * the process that ran it died ({@link #abandoned}).
 */
public final class RunJournal implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private FileOutputStream events;
    private FileChannel lockChannel;

    private RunJournal(Path dir) {
        this.dir = dir;
    }

    public static Path runDir(Path runsRoot, String runId) {
        if (!runId.matches("[A-Za-z0-9_.-]+") || runId.startsWith(".")) {
            throw new IllegalArgumentException("not a run id: '" + runId + "'");
        }
        return runsRoot.resolve(runId);
    }

    /** A new run: writes {@code run.json} atomically. */
    public static RunJournal create(Path runsRoot, String runId, ObjectNode runInfo) throws IOException {
        Path dir = runDir(runsRoot, runId);
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("run.json"), runInfo.toPrettyString());
        return new RunJournal(dir).openEvents();
    }

    /** An existing run, to resume or answer. */
    public static RunJournal open(Path runsRoot, String runId) throws IOException {
        Path dir = runDir(runsRoot, runId);
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new NoSuchFileException("no run " + runId + " (looked in " + dir + ")");
        }
        return new RunJournal(dir);
    }

    /**
     * Claims the run for this journal (this process) until {@link #close}; false when another process, or another
     * journal of this process, holds it.
     */
    public synchronized boolean claim() throws IOException {
        if (lockChannel != null) {
            return true;
        }
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another journal in this JVM
        }
        if (lock == null) {
            ch.close();
            return false;
        }
        lockChannel = ch;
        return true;
    }

    static final String LOCK = "run.lock";

    /**
     * True when the run in {@code dir} says it is running but no process holds its lock: the process running it
     * died (or never claimed it: a journal written before locks existed). Probing takes the lock for an instant.
     */
    static boolean abandoned(Path dir) {
        try {
            if (!"running".equals(JSON.readTree(dir.resolve("run.json").toFile()).path("status").asText())) {
                return false;
            }
            RunJournal probe = new RunJournal(dir);
            try {
                return probe.claim();
            } finally {
                probe.close();
            }
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: not ours to pick up
        }
    }

    public RunJournal openEvents() throws IOException {
        if (events == null) {
            events = new FileOutputStream(dir.resolve("events.jsonl").toFile(), true);
        }
        return this;
    }

    public Path dir() {
        return dir;
    }

    public ObjectNode runInfo() throws IOException {
        return (ObjectNode) JSON.readTree(dir.resolve("run.json").toFile());
    }

    public void updateRunInfo(ObjectNode info) throws IOException {
        AtomicFiles.writeString(dir.resolve("run.json"), info.toPrettyString());
    }

    /** Appends one event line (one write call). */
    public synchronized void append(ObjectNode event) {
        try {
            openEvents();
            events.write((RunEvents.line(event) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run journal " + dir.resolve("events.jsonl"), e);
        }
    }

    /** Every complete event line so far (a torn last line from a killed process is skipped). */
    public List<JsonNode> events() throws IOException {
        Path file = dir.resolve("events.jsonl");
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readTree(line));
            } catch (IOException e) {
                break; // torn tail
            }
        }
        return out;
    }

    /** Forces the journal to disk (at pause and end: the run's state must survive power loss too). */
    public synchronized void sync() {
        try {
            if (events != null) {
                events.getFD().sync();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (events != null) {
            try {
                sync();
                events.close();
            } catch (IOException | UncheckedIOException e) {
                // closing after a sync failure: nothing more to save
            }
            events = null;
        }
        if (lockChannel != null) {
            try {
                lockChannel.close(); // releases the lock
            } catch (IOException e) {
                // the OS releases it with the process anyway
            }
            lockChannel = null;
        }
    }
}
