package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.run.Capabilities;
import dev.symphony.conductor.run.Conductor;
import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.conductor.run.RunContext;
import dev.symphony.conductor.run.RunResult;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.board.BoardViewModel.NodeState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A run of the board's Melody by the conductor, in this process on a thread of its own: the Melody as the board
 * shows it now (saved or not) is read by the conductor's {@link MelodyReader}, run by its {@link Conductor} with the
 * artifact store and the runs folder under Symphony's data folder, and every event of its stream colours its node
 * ({@link BoardViewModel#states()}) and adds a line to the run log. Stop interrupts the run's thread: the conductor
 * stops starting nodes, interrupts the running ones and journals the run as interrupted. The policy is the heuristic
 * (the learned one loads DJL's engine, seconds of start for a board run). Never touches a scene node.
 */
public final class BoardRun {
    /** The most log lines kept (the oldest go first). */
    static final int LOG_LIMIT = 2000;

    private final BoardViewModel vm;
    private final Supplier<Capabilities> capabilities;
    private final SymphonyPaths paths;
    private final FxBridge bridge;
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Thread thread;

    public BoardRun(BoardViewModel vm, Supplier<Capabilities> capabilities, SymphonyPaths paths, FxBridge bridge) {
        this.vm = vm;
        this.capabilities = capabilities;
        this.paths = paths;
        this.bridge = bridge;
    }

    /** The run log: one line per event, and the outcome. */
    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Running…", "succeeded in 120 ms", "failed: …", "stopped". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Starts a run of the Melody as the board shows it; refused with the reason when it is not a valid Melody. */
    public boolean start() {
        if (running.get()) {
            return false;
        }
        Capabilities caps = capabilities.get();
        Path source = vm.document().source();
        Melody melody;
        try {
            melody = new MelodyReader(caps).parse(vm.document().text(), source);
        } catch (InvalidMelodyException e) {
            status.set("Not run: " + e.getMessage().lines().findFirst().orElse(""));
            log.add("not run: " + e.getMessage().replace("\n", " "));
            return false;
        }
        vm.states().clear();
        log.clear();
        status.set("Running…");
        running.set(true);
        long started = System.nanoTime();
        thread = new Thread(() -> run(melody, caps, started), "board-run");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** Stops the run (nothing if none runs). */
    public void stop() {
        Thread t = thread;
        if (t != null && running.get()) {
            log.add("stop requested");
            t.interrupt();
        }
    }

    private void run(Melody melody, Capabilities caps, long started) {
        String outcome;
        try (RunArtifacts artifacts = RunArtifacts.open(paths, 10_000, new PrintStream(PrintStream.nullOutputStream()))) {
            RunContext context = new RunContext().capabilities(caps).policy(new HeuristicPolicy()).artifacts(artifacts)
                    .runsRoot(paths.data("runs")).events(e -> bridge.onFx(() -> onEvent(e)));
            RunResult r = new Conductor(context).start(melody, JsonNodeFactory.instance.objectNode());
            long ms = (System.nanoTime() - started) / 1_000_000;
            outcome = r.status().name().toLowerCase(java.util.Locale.ROOT) + " in " + ms + " ms"
                    + (r.error() == null ? "" : ": " + r.error()) + " (run " + r.runId() + ")";
        } catch (InterruptedException e) {
            outcome = "stopped";
        } catch (Exception e) {
            outcome = "failed: " + e.getMessage();
        }
        String done = outcome;
        bridge.onFx(() -> {
            running.set(false);
            status.set(done);
            add(done);
        });
    }

    private void onEvent(ObjectNode e) {
        String type = e.path("type").asText();
        String node = e.path("node").asText(null);
        NodeState state = switch (type) {
            case "node.ready" -> NodeState.READY;
            case "node.started" -> NodeState.RUNNING;
            case "node.finished" -> NodeState.SUCCEEDED;
            case "node.failed", "node.halted" -> NodeState.FAILED;
            case "node.retried" -> NodeState.RETRIED;
            case "node.skipped", "node.cancelled" -> NodeState.SKIPPED;
            case "node.paused", "approval.requested" -> NodeState.WAITING;
            default -> null;
        };
        if (state != null && node != null && vm.graphProperty().get().node(node) != null) {
            vm.states().put(node, state);
        }
        add(type + (node == null ? "" : " " + node) + detail(e));
    }

    private static String detail(JsonNode e) {
        StringBuilder out = new StringBuilder();
        for (String field : new String[] {"durationMs", "cost", "branch", "error", "reason", "status"}) {
            if (e.hasNonNull(field)) {
                out.append(out.length() == 0 ? " · " : ", ").append(field).append(' ').append(e.get(field).asText());
            }
        }
        return out.toString();
    }

    private void add(String line) {
        log.add(line);
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }
}
