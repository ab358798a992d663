package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.run.Approvals;
import dev.symphony.conductor.run.Capabilities;
import dev.symphony.conductor.run.Conductor;
import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.conductor.run.RunContext;
import dev.symphony.conductor.run.RunJournal;
import dev.symphony.conductor.run.RunResult;
import dev.symphony.conductor.run.RunStatus;
import dev.symphony.conductor.run.StepDebugger;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.board.BoardViewModel.NodeState;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * A run of the board's Melody by the conductor, in this process on a thread of its own: the Melody as the board
 * shows it now (saved or not) is read by the conductor's {@link MelodyReader}, run by its {@link Conductor} with the
 * artifact store and the runs folder under Symphony's data folder, and every event of its stream colours its node
 * ({@link BoardViewModel#states()}) and adds a line to the run log. Stop interrupts the run's thread: the conductor
 * stops starting nodes, interrupts the running ones and journals the run as interrupted. The policy is the heuristic
 * (the learned one loads DJL's engine, seconds of start for a board run). Never touches a scene node.
 *
 * <p>Approvals go through the conductor's own mechanism, as {@code symphony approve} and {@code run --resume} do: an
 * answer on the board is recorded in the run's {@code approvals/} folder ({@link Approvals}); a run still going reads
 * it before it next looks at the waiting node, a run that paused for it is resumed. A run from a node
 * ({@link #startFrom}) reuses the last run's results for everything before it ({@link Conductor#startFrom}). Every
 * run has a {@link StepDebugger} holding the board's breakpoints.
 */
public final class BoardRun {
    /** The most log lines kept (the oldest go first). */
    static final int LOG_LIMIT = 2000;

    /** An approval the run waits for: the node, what it asks, and the request key its answer is filed under. */
    public record PendingApproval(String node, String prompt, String request) {
    }

    /**
     * What a node produced in the last run: a preview of its value, its size in bytes, its cost and time; the value
     * itself (null when it was not stored or is over {@link RunValues#PIN_LIMIT_BYTES}), to pin; whether it was a
     * pinned value.
     */
    public record NodeResult(String node, String preview, long bytes, String cost, long durationMs, JsonNode value,
                             boolean pinned) {
    }

    private final BoardViewModel vm;
    private final Supplier<Capabilities> capabilities;
    private final SymphonyPaths paths;
    private final FxBridge bridge;
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<PendingApproval> approvals = FXCollections.observableArrayList();
    private final ObservableMap<String, NodeResult> results = FXCollections.observableHashMap();
    private final ObservableMap<String, JsonNode> held = FXCollections.observableHashMap();
    private final Set<String> answeredHere = new HashSet<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private volatile StepDebugger debugger;
    private final RunPins pins;
    private String runId;
    private Thread thread;

    public BoardRun(BoardViewModel vm, Supplier<Capabilities> capabilities, SymphonyPaths paths, FxBridge bridge) {
        this.vm = vm;
        this.capabilities = capabilities;
        this.paths = paths;
        this.bridge = bridge;
        this.pins = new RunPins(vm, paths, status::set);
        pins.pins(); // the pinned nodes are marked on the board from the start
    }

    /** The run log: one line per event, and the outcome. */
    public ObservableList<String> log() {
        return log;
    }

    /** The approvals the run waits for now. */
    public ObservableList<PendingApproval> approvals() {
        return approvals;
    }

    /** What each finished node produced in the last run (filled when the run ends or pauses). */
    public ObservableMap<String, NodeResult> results() {
        return results;
    }

    /** The nodes a breakpoint holds now, with the input each would get. */
    public ObservableMap<String, JsonNode> held() {
        return held;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Running…", "succeeded in 120 ms · cost 0", "failed: …", "stopped", "waiting for approval: …". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The id of the last run started here (null before the first). */
    public String runId() {
        return runId;
    }

    /** The Melody as the board shows it, or null (the status says why) when it is not a valid Melody. */
    public Melody melody() {
        try {
            return new MelodyReader(capabilities.get()).parse(vm.document().text(), vm.document().source());
        } catch (InvalidMelodyException e) {
            status.set("Not run: " + e.getMessage().lines().findFirst().orElse(""));
            log.add("not run: " + e.getMessage().replace("\n", " "));
            return null;
        }
    }

    /** Starts a run with the inputs' defaults; refused with the reason when it is not a valid Melody. */
    public boolean start() {
        return start(JsonNodeFactory.instance.objectNode());
    }

    /** Starts a run with {@code inputs} (input id to value; missing ones take their defaults). */
    public boolean start(ObjectNode inputs) {
        Melody melody = running.get() ? null : melody();
        if (melody == null) {
            return false;
        }
        return launch("run", (conductor, id) -> conductor.start(melody, inputs, id));
    }

    /**
     * Runs {@code node} and everything after it again, reusing the last run's results for the rest; refused with the
     * reason when nothing ran here yet or the node is not in the Melody.
     */
    public boolean startFrom(String node) {
        if (running.get()) {
            return false;
        }
        String earlier = runId;
        if (earlier == null) {
            status.set("Not run: run the Melody once first; a run from a node reuses that run's results");
            return false;
        }
        Melody melody = melody();
        if (melody == null) {
            return false;
        }
        if (melody.node(node).isEmpty()) {
            status.set("Not run: there is no node '" + node + "' to run from");
            return false;
        }
        return launch("run from " + node, (conductor, id) -> conductor.startFrom(melody, null, earlier, Set.of(node), id));
    }

    /** The Melody's pinned data ({@link RunPins#pins}). */
    BoardPins pins() {
        return pins.pins();
    }

    /**
     * Pins what {@code node} produced in the last run: later runs do not run it and use that value. Refused with the
     * reason (in the status) when the node has no stored value in the last run.
     */
    public boolean pin(String node) {
        return pins.pin(node, results.get(node), runId);
    }

    /** Unpins {@code node}: later runs run it again. */
    public boolean unpin(String node) {
        return pins.unpin(node);
    }

    /** Answers the approval {@code node} waits for; a paused run continues. */
    public void answer(String node, boolean approved) {
        PendingApproval p = approvals.stream().filter(a -> a.node().equals(node)).findFirst().orElse(null);
        String id = runId;
        if (p == null || id == null) {
            return;
        }
        approvals.remove(p);
        answeredHere.add(node);
        add((approved ? "approved " : "declined ") + node + " on the board");
        String by = System.getProperty("user.name", "user");
        bridge.compute(() -> {
            try (RunJournal journal = RunJournal.open(paths.data("runs"), id)) {
                return new Approvals(journal.dir()).record(new Approvals.Answer(p.request(), approved, by, Instant.now(),
                        p.prompt(), null, "answered on the Harmony Board"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, recorded -> {
            if (!recorded) {
                add(node + " was already answered; answers are not changed");
            }
            if (!running.get()) {
                resume(id);
            }
        }, e -> status.set("The answer to " + node + " was not recorded: " + e.getMessage()));
    }

    /** Toggles a breakpoint on {@code node}; a run going now pauses there too (removal counts from the next run). */
    public void toggleBreakpoint(String node) {
        if (!vm.breakpoints().remove(node)) {
            vm.breakpoints().add(node);
            StepDebugger d = debugger;
            if (d != null) {
                d.breakBefore(node);
            }
        }
    }

    /** Lets one held node start and pauses before the nodes after it. */
    public void step(String node) {
        StepDebugger d = debugger;
        if (d != null && held.containsKey(node)) {
            held.remove(node);
            d.breakAll();
            d.step(node);
        }
    }

    /** Every held node starts; nothing pauses any more in this run. */
    public void continueRun() {
        StepDebugger d = debugger;
        if (d != null) {
            held.clear();
            d.continueAll();
        }
    }

    /** Replaces the input a held node will get; false when the node is not held. */
    public boolean editHeldInput(String node, JsonNode input) {
        StepDebugger d = debugger;
        if (d != null && d.editInput(node, input)) {
            held.put(node, input);
            return true;
        }
        return false;
    }

    /** Stops the run (nothing if none runs). */
    public void stop() {
        Thread t = thread;
        if (t != null && running.get()) {
            log.add("stop requested");
            t.interrupt();
        }
    }

    @FunctionalInterface
    private interface Launch {
        RunResult run(Conductor conductor, String runId) throws Exception;
    }

    private void resume(String id) {
        launch("resume", (conductor, ignored) -> conductor.resume(id), id);
    }

    private boolean launch(String what, Launch launch) {
        return launch(what, launch, null);
    }

    private boolean launch(String what, Launch launch, String resuming) {
        if (resuming == null) {
            vm.states().clear();
            vm.overlays().values().clear();
            results.clear();
            approvals.clear();
            answeredHere.clear();
            log.clear();
        }
        held.clear();
        StepDebugger d = new StepDebugger().breakBefore(vm.breakpoints().toArray(String[]::new));
        debugger = d;
        status.set("Running…");
        running.set(true);
        Capabilities caps = capabilities.get();
        var pinned = pins().outputs();
        String id = resuming != null ? resuming : newRunId();
        runId = id;
        add(what + " " + id);
        long started = System.nanoTime();
        thread = new Thread(() -> run(launch, caps, pinned, d, id, started), "board-run");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private static String newRunId() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(Instant.now()) + "-board-" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(0x10000, 0xfffff));
    }

    private void run(Launch launch, Capabilities caps, java.util.List<dev.symphony.conductor.run.PinnedOutput> pinned,
                     StepDebugger d, String id, long started) {
        String outcome;
        RunResult result = null;
        Map<String, ObjectNode> finished = new ConcurrentHashMap<>();
        Map<String, NodeResult> values = Map.of();
        try (RunArtifacts artifacts = RunArtifacts.open(paths, 10_000, new PrintStream(PrintStream.nullOutputStream()))) {
            RunContext context = new RunContext().capabilities(caps).policy(new HeuristicPolicy()).artifacts(artifacts)
                    .runsRoot(paths.data("runs")).debugger(d).pinned(pinned).events(e -> {
                        String edge = null;
                        if (e.path("type").asText().equals("node.finished")) {
                            finished.put(e.path("node").asText(), e.deepCopy());
                            edge = RunEvents.edgeValue(artifacts, e); // shown on its connections while the run goes on
                        }
                        String value = edge;
                        bridge.onFx(() -> {
                            if (value != null) {
                                vm.overlays().values().put(e.path("node").asText(), value);
                            }
                            onEvent(e);
                        });
                    });
            result = launch.run(new Conductor(context), id);
            values = RunValues.read(artifacts, finished);
            outcome = RunEvents.outcome(result, (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            outcome = "stopped";
        } catch (Exception | LinkageError e) { // whatever ends the run, the board says so and is not left "running"
            outcome = "failed: " + e;
        }
        String done = outcome;
        RunResult r = result;
        Map<String, NodeResult> v = values;
        bridge.onFx(() -> ended(done, r, v));
    }

    private void ended(String outcome, RunResult r, Map<String, NodeResult> values) {
        debugger = null;
        held.clear();
        results.putAll(values);
        values.forEach((node, v) -> vm.overlays().values().put(node, BoardOverlays.edgeText(v.preview())));
        status.set(outcome);
        add(outcome);
        running.set(false); // last: whoever watches it sees the outcome above
        if (r != null && r.status() == RunStatus.PAUSED && r.waiting().stream().anyMatch(answeredHere::contains)) {
            resume(r.runId()); // answered on the board while the run was still going: it continues now
        }
    }

    private void onEvent(ObjectNode e) {
        String type = e.path("type").asText();
        String node = e.path("node").asText(null);
        NodeState state = RunEvents.state(type);
        if (type.equals("approval.waiting") && node != null && approvals.stream().noneMatch(a -> a.node().equals(node))) {
            approvals.add(new PendingApproval(node, e.path("prompt").asText(""), e.path("request").asText(node)));
        } else if (type.equals("approval.answered") || type.equals("node.finished")) {
            approvals.removeIf(a -> a.node().equals(node));
        }
        if (type.equals("node.paused") && node != null) {
            StepDebugger d = debugger;
            JsonNode input = d == null ? null : d.held().get(node);
            held.put(node, input == null ? JsonNodeFactory.instance.nullNode() : input);
        } else if (type.equals("node.started")) {
            held.remove(node);
        }
        if (state != null && node != null && vm.graphProperty().get().node(node) != null) {
            vm.states().put(node, state);
        }
        add(RunEvents.line(e));
    }

    private void add(String line) {
        log.add(line);
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }
}
