package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * Configuration of a run (fluent setters; {@link #conclude()} fills defaults and validates): where to call
 * capabilities, the scheduling policy, the artifact store, the runs folder, preview and approval behaviour,
 * and where events go besides the journal.
 */
public final class RunContext {
    /** Answers an approval interactively (a terminal), or returns empty when nobody can. */
    @FunctionalInterface
    public interface Approver {
        Optional<Boolean> ask(String runId, String node, String prompt, com.fasterxml.jackson.databind.JsonNode details);
    }

    private Capabilities capabilities;
    private SchedulingPolicy policy;
    private RunArtifacts artifacts;
    private Path runsRoot;
    private boolean preview;
    private boolean autoApprove;
    private String approvedBy;
    private Approver approver;
    private Consumer<ObjectNode> events;
    private EpochClock clock;
    private Sleeper sleeper;
    private int maxConcurrency;
    private StepDebugger debugger;
    private java.util.Map<String, PinnedOutput> pinned = java.util.Map.of();
    private dev.symphony.conductor.learning.TrainingData trainingData;
    private Arbitration arbitration;
    private ModelSlots modelSlots;
    private Path instrumentStats;
    private RunInbox inbox;

    public RunContext capabilities(Capabilities c) { this.capabilities = c; return this; }
    public RunContext policy(SchedulingPolicy p) { this.policy = p; return this; }
    public RunContext artifacts(RunArtifacts a) { this.artifacts = a; return this; }
    public RunContext runsRoot(Path p) { this.runsRoot = p; return this; }
    /** Pinned or mock data instead of calling extensions. */
    public RunContext preview(boolean p) { this.preview = p; return this; }
    /** Answer every approval node "yes" ({@code --yes}), recorded as by {@code approvedBy}. */
    public RunContext autoApprove(boolean yes, String by) { this.autoApprove = yes; this.approvedBy = by; return this; }
    public RunContext approver(Approver a) { this.approver = a; return this; }
    /** Where events go besides the run journal (stdout for the CLI). */
    public RunContext events(Consumer<ObjectNode> sink) { this.events = sink; return this; }
    /** Where the run reads time (deadlines, event times, durations); pair a simulated clock with {@link #sleeper}. */
    public RunContext clock(EpochClock c) { this.clock = c; return this; }
    /** How the run waits (retry back-off, polling pauses). */
    public RunContext sleeper(Sleeper s) { this.sleeper = s; return this; }
    /** Overrides the Melody's {@code limits.maxConcurrency} when &gt; 0. */
    public RunContext maxConcurrency(int n) { this.maxConcurrency = n; return this; }

    /** Step-through debugging (null: none). */
    public RunContext debugger(StepDebugger d) { this.debugger = d; return this; }

    /** Nodes whose output is pinned: they finish with the pinned value instead of running ({@link PinnedOutput}). */
    public RunContext pinned(java.util.Collection<PinnedOutput> pins) {
        java.util.Map<String, PinnedOutput> m = new java.util.HashMap<>();
        pins.forEach(p -> m.put(p.node(), p));
        this.pinned = java.util.Map.copyOf(m);
        return this;
    }

    public java.util.Map<String, PinnedOutput> pinned() { return pinned; }

    /** Where finished runs' decisions go as policy training data (null: not recorded; preview runs never are). */
    public RunContext trainingData(dev.symphony.conductor.learning.TrainingData d) { this.trainingData = d; return this; }

    /**
     * Where the pool manager's per-Instrument statistics (latency, failures, cost, tokens) persist across runs and
     * processes (null: kept for this context's runs only). {@code symphony run} and {@code serve} use
     * {@code <data>/pool/instrument-stats.json}.
     */
    public RunContext instrumentStats(Path file) { this.instrumentStats = file; return this; }

    /** The arbitration engine for contested resources nodes declare (default: one per {@link Conductor}). */
    public RunContext arbitration(Arbitration a) { this.arbitration = a; return this; }

    /** Where events from outside arrive for nodes that {@code awaits} one (default: a new, empty inbox). */
    public RunContext inbox(RunInbox i) { this.inbox = i; return this; }

    public RunInbox inbox() { return inbox; }
    public dev.symphony.conductor.learning.TrainingData trainingData() { return trainingData; }
    public Arbitration arbitration() { return arbitration; }
    /** The process's pool-manager model slots (one per context: every run started with it shares them). */
    ModelSlots modelSlots() { return modelSlots; }
    public StepDebugger debugger() { return debugger; }
    public Capabilities capabilities() { return capabilities; }
    public SchedulingPolicy policy() { return policy; }
    public RunArtifacts artifacts() { return artifacts; }
    public Path runsRoot() { return runsRoot; }
    public boolean preview() { return preview; }
    public boolean autoApprove() { return autoApprove; }
    public String approvedBy() { return approvedBy; }
    public Approver approver() { return approver; }
    public Consumer<ObjectNode> events() { return events; }
    public EpochClock clock() { return clock; }
    public Sleeper sleeper() { return sleeper; }
    public int maxConcurrency() { return maxConcurrency; }

    public RunContext conclude() {
        Objects.requireNonNull(capabilities, "RunContext.capabilities must be set");
        Objects.requireNonNull(artifacts, "RunContext.artifacts must be set (the artifact store)");
        Objects.requireNonNull(runsRoot, "RunContext.runsRoot must be set (SymphonyPaths.resolve().data(\"runs\"))");
        policy = policy == null ? new HeuristicPolicy() : policy;
        approver = approver == null ? (r, n, p, d) -> Optional.empty() : approver;
        events = events == null ? e -> { } : events;
        clock = clock == null ? SystemEpochClock.INSTANCE : clock;
        sleeper = sleeper == null ? Sleeper.REAL : sleeper;
        approvedBy = approvedBy == null ? "--yes" : approvedBy;
        arbitration = arbitration == null ? new Arbitration(clock) : arbitration;
        modelSlots = modelSlots == null ? new ModelSlots(instrumentStats) : modelSlots;
        inbox = inbox == null ? new RunInbox() : inbox;
        return this;
    }
}
