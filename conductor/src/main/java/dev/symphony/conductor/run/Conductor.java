package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts and resumes runs. A run's identity and journal live under {@code context.runsRoot()}; its artifacts
 * in {@code context.artifacts()}. {@link #start} and {@link #resume} return when the run finished, failed, was
 * cancelled, or paused waiting for an approval nobody could answer (then {@link RunResult#waiting()} says which).
 */
public final class Conductor {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final RunContext context;

    public Conductor(RunContext context) {
        this.context = context.conclude();
    }

    /** Where events from outside reach this conductor's runs (nodes that {@code awaits} one). */
    public RunInbox inbox() {
        return context.inbox();
    }

        public String newRunId() {
        return ID_TIME.format(java.time.Instant.ofEpochMilli(context.clock().time())) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    }

    public RunResult start(Melody melody, ObjectNode inputs) throws IOException, InterruptedException {
        return start(melody, inputs, newRunId());
    }

    public RunResult start(Melody melody, ObjectNode inputs, String runId) throws IOException, InterruptedException {
        return start(melody, inputs, runId, null);
    }

    /**
     * Starts a run; {@code startedBy} (null: a person, {@code symphony run}) is recorded so that a server can find
     * the runs it started when the process that ran them died ({@link #abandonedRuns}).
     */
    public RunResult start(Melody melody, ObjectNode inputs, String runId, String startedBy) throws IOException, InterruptedException {
        return start(melody, inputs, runId, startedBy, List.of());
    }

    /**
     * A new run that reuses an earlier run's results (the Harmony Board's "run from this node"): every top-level
     * node {@code earlierRunId} finished keeps its output, read back from the artifact store as a resume reads it,
     * except the nodes in {@code rerun} and everything downstream of them, which run again. The reused nodes'
     * {@code node.finished} events (reason "reused from run ID", no cost) open the new run's journal, so it resumes
     * like any other run.
     */
    public RunResult startFrom(Melody melody, ObjectNode inputs, String earlierRunId, java.util.Set<String> rerun,
                               String runId) throws IOException, InterruptedException {
        List<RunEvent.NodeFinished> reused = new java.util.ArrayList<>(
                ReusedResults.from(context.runsRoot(), earlierRunId, melody, rerun));
        reused.removeIf(f -> context.pinned().containsKey(f.node())); // a pin wins over an earlier result
        return start(melody, inputs, runId, null, reused);
    }

    private RunResult start(Melody melody, ObjectNode inputs, String runId, String startedBy,
                            List<RunEvent.NodeFinished> reused) throws IOException, InterruptedException {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("runId", runId);
        info.put("melodyFile", melody.source() == null ? null : melody.source().toAbsolutePath().toString());
        info.set("melody", melody.json());
        info.set("inputs", inputs);
        info.put("preview", context.preview());
        info.put("status", "running");
        if (startedBy != null) {
            info.put("startedBy", startedBy);
        }
        try (RunJournal journal = RunJournal.create(context.runsRoot(), runId, info)) {
            if (!journal.claim()) {
                throw new IllegalStateException("run " + runId + " is held by another process");
            }
            RunEvents events = events(runId, journal, 0);
            events.emit(new RunEvent.RunStarted(melody.name(), context.preview(), context.policy().name()));
            List<JsonNode> past = new java.util.ArrayList<>();
            for (RunEvent.NodeFinished f : reused) {
                events.emit(f);
                past.add(JsonNodeFactory.instance.objectNode().put("type", f.type()).put("node", f.node())
                        .put("artifactId", f.artifactId()).put("branch", f.branch()).put("cost", 0));
            }
            return execute(melody, inputs, journal, events, past, info);
        }
    }

    /** Continues a paused or interrupted run from its journal and the artifact store. */
    public RunResult resume(String runId) throws IOException, InterruptedException, InvalidMelodyException {
        try (RunJournal journal = RunJournal.open(context.runsRoot(), runId)) {
            if (!journal.claim()) {
                throw new IllegalStateException("run " + runId + " is running in another process (it holds "
                        + journal.dir().resolve(RunJournal.LOCK) + "); wait for it to end");
            }
            ObjectNode info = journal.runInfo();
            String status = info.path("status").asText();
            if (status.equals("succeeded") || status.equals("cancelled")) {
                throw new IllegalStateException("run " + runId + " already " + status + "; nothing to resume");
            }
            String file = info.path("melodyFile").asText(null);
            Melody melody = new MelodyReader(context.capabilities())
                    .parse(info.get("melody").toString(), file == null ? null : Path.of(file));
            List<JsonNode> past = journal.events();
            long seq = past.isEmpty() ? 0 : past.get(past.size() - 1).path("seq").asLong() + 1;
            journal.openEvents();
            RunEvents events = events(runId, journal, seq);
            events.emit(new RunEvent.RunResumed(melody.name(), info.path("preview").asBoolean(), context.policy().name()));
            if (info.path("preview").asBoolean() != context.preview()) {
                context.preview(info.path("preview").asBoolean()); // a run keeps the mode it started in
            }
            return execute(melody, (ObjectNode) info.get("inputs"), journal, events, past, info);
        }
    }

    /**
     * The runs {@code startedBy} started for a Melody under {@code folder} whose journal says running while no
     * process holds them: the process running them died (kill -9, a crash, power loss). Run id to Melody file,
     * oldest first.
     */
    public java.util.Map<String, Path> abandonedRuns(String startedBy, Path folder) throws IOException {
        Path root = context.runsRoot();
        java.util.Map<String, Path> out = new java.util.LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        Path under = folder.toAbsolutePath().normalize();
        try (var dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                if (d.getFileName().toString().startsWith(".") || !Files.isRegularFile(d.resolve("run.json"))) {
                    continue;
                }
                JsonNode info;
                try {
                    info = RunJournal.JSON.readTree(d.resolve("run.json").toFile());
                } catch (IOException e) {
                    continue; // unreadable: not picked up
                }
                String file = info.path("melodyFile").asText("");
                Path melody = file.isEmpty() ? null : Path.of(file).toAbsolutePath().normalize();
                if (startedBy.equals(info.path("startedBy").asText(null)) && melody != null && melody.startsWith(under)
                        && RunJournal.abandoned(d)) {
                    out.put(d.getFileName().toString(), melody);
                }
            }
        }
        return out;
    }

    private RunEvents events(String runId, RunJournal journal, long seq) {
        return new RunEvents(runId, context.clock(), seq).sink(journal::append).sink(context.events());
    }

    private RunResult execute(Melody melody, ObjectNode inputs, RunJournal journal, RunEvents events,
                              List<JsonNode> past, ObjectNode info) throws IOException, InterruptedException {
        ExecutorService workers = Executors.newCachedThreadPool(daemon("melody-node"));
        ExecutorService calls = Executors.newCachedThreadPool(daemon("melody-call"));
        RunResult result;
        List<dev.symphony.conductor.learning.DecisionRecord> records;
        RunStats stats = new RunStats(context.modelSlots());
        try {
            RunPlan plan = RunPlan.compile(melody, context.capabilities(), stats.estimates);
            MelodyRun run = new MelodyRun(context, plan, events, "", journal, new Approvals(journal.dir()), inputs,
                    workers, calls, new RunBudget(melody.limits().budget(), 0), stats);
            run.replay(past);
            result = run.execute();
            records = run.stats.recorder.records();
        } finally {
            workers.shutdownNow();
            calls.shutdownNow();
            stats.slots.closeRun(stats.account);
            stats.slots.saveStats(); // the Instrument statistics this run added, for the next runs and processes
        }
        context.artifacts().sync();
        events.emit(new RunEvent.RunFinished(result.status().jsonName(), Money.of(result.cost()),
                record(events.runId(), melody, result, records), result.outputs(), result.error(),
                result.waiting().isEmpty() ? null : List.copyOf(result.waiting())));
        journal.sync();
        info.put("status", result.status().jsonName());
        journal.updateRunInfo(info);
        retention();
        return result;
    }

    /** How often a run's end lets the stale manager sweep run journals and artifacts (at most). */
    static final long RETENTION_EVERY_MS = 3_600_000L;

    /**
     * At most once an hour (the time of the last sweep is in {@code <runs>/.retention}), the stale manager applies
     * retention to run journals and artifacts ({@link RunRetention}). Advisory: a failure is a notice.
     */
    private void retention() {
        Path marker = context.runsRoot().resolve(".retention");
        synchronized (context.artifacts()) {
            try {
                long now = context.clock().time();
                if (Files.exists(marker)) {
                    String last = Files.readString(marker).strip();
                    if (last.matches("\\d{1,19}") && now - Long.parseLong(last) < RETENTION_EVERY_MS) {
                        return;
                    }
                }
                dev.symphony.kernel.fs.AtomicFiles.writeString(marker, now + "\n");
                RunRetention.defaults(context.artifacts(), context.runsRoot(), context.clock()).sweep();
            } catch (IOException | RuntimeException e) {
                System.err.println("symphony run: retention of run journals and artifacts did not run: " + e.getMessage());
            }
        }
    }

    /**
     * Writes the run's decisions as training data (never for preview runs; a paused run's part is written at
     * the pause, the resumed part when it ends) and lets the stale manager apply retention. Recording is advisory: a failure is a notice.
     */
    private int record(String runId, Melody melody, RunResult result,
                       List<dev.symphony.conductor.learning.DecisionRecord> records) {
        var data = context.trainingData();
        if (data == null || context.preview() || records.isEmpty()) {
            return 0;
        }
        try {
            synchronized (data) { // serve runs several Melodies at once: one writer and sweeper at a time
                data.write(runId, melody.name(), result.status().jsonName(), records);
                dev.symphony.conductor.learning.TrainingRetention.defaults(data).sweep();
            }
            return records.size();
        } catch (IOException | RuntimeException e) {
            System.err.println("symphony run: could not record the run as training data: " + e.getMessage());
            return 0;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
