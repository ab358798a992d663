package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.NodeType;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.Values;
import dev.symphony.pit.dag.api.DagListener;
import dev.symphony.pit.dag.api.DagTracker;
import dev.symphony.pit.dag.api.DagTrackerContext;
import dev.symphony.pit.dag.api.NodeState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Kept in one file because its steps (replay, ready, start, complete, fail, withdraw, skip) all read and change the DAG
 * tracker and the run state that only the run's thread may touch; the parts that do not (a node's call, the policy's
 * features, reconstruction, compensation, nesting) are classes of their own.
 * <p>
 * One execution of a Melody graph (a run, a loop iteration or a sub-Melody). The thread calling
 * {@link #execute()} owns the DAG tracker: it replays the journal (on resume), runs built-in nodes inline,
 * starts capability calls, loops and sub-Melodies on worker threads in the policy's order up to the
 * concurrency limit, and applies each completion (artifact, journal line, tracker update, cancellations,
 * error strategy) as it arrives.
 */
final class MelodyRun {
    record Completion(int step, NodeCall.Outcome outcome, NodeFailure failure, long startedMs) {
    }

    final RunContext context;
    final RunPlan plan;
    final RunEvents events;
    final String prefix;
    final String runId;
    private final RunJournal journal;
    final Approvals approvals;
    final ObjectNode inputs;
    private final ExecutorService workers;
    private final ExecutorService calls;
    final RunBudget budget;
    final RunStats stats;
    /** What node calls may use of this run (from worker threads). */
    final RunServices services;
    final DagTracker tracker;
    final List<Integer> newlyReady = new ArrayList<>();
    final List<Integer> newlySkipped = new ArrayList<>();
    private final long[] readySeq;
    private long readyCounter;
    /** When this execution started on the run's clock: its timeout counts from here. */
    long startedMs;
    /** Outputs, running calls, withdrawals, halts and how the run ends: owned by the thread that made this run. */
    final RunState state = new RunState();
    private final LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final PolicyBridge policy = new PolicyBridge();
    private final Activation activation = new Activation(this);
    private final NodeResults results = new NodeResults(this);
    private final RunResources resources = new RunResources(this);
    boolean replaying;
    /** The journal as it was at resume (empty for a fresh run): nested loops and sub-Melodies continue from it. */
    List<JsonNode> past = List.of();

    MelodyRun(RunContext context, RunPlan plan, RunEvents events, String prefix, RunJournal journal, Approvals approvals,
              ObjectNode inputs, ExecutorService workers, ExecutorService calls, RunBudget budget, RunStats stats) {
        this.context = context;
        this.plan = plan;
        this.events = events;
        this.prefix = prefix;
        this.runId = events.runId();
        this.journal = journal;
        this.approvals = approvals;
        this.inputs = inputs;
        this.workers = workers;
        this.calls = calls;
        this.budget = budget;
        this.stats = stats;
        this.services = new RunServices(context, plan.melody, events, budget, stats);
        this.readySeq = new long[plan.graph.nodeCount()];
        this.tracker = DagTracker.create(plan.graph, new DagTrackerContext().listener(new DagListener() {
            @Override
            public void onReady(int node) {
                readySeq[node] = readyCounter++;
                newlyReady.add(node);
            }

            @Override
            public void onSkipped(int node) {
                newlySkipped.add(node);
            }
        }));
    }

    /** The outputs so far, as the node about to start reads them (on the run's thread). */
    Expr.Scope scope() {
        if (context.debugger() != null) {
            state.edited(context.debugger().takeOutputEdits(prefix)); // a person changed a finished node's output
        }
        Map<String, JsonNode> snapshot = state.outputs();
        return root -> snapshot.getOrDefault(root, Values.NULL);
    }

    String eventName(int step) {
        return prefix + plan.step(step).name();
    }

    // ---- the loop ----

    /** Who may run a worker node: a call's providers, or the conductor itself for a loop or sub-Melody. */
    List<CapabilitySpec> providers(MelodyNode n) {
        return n.type() == NodeType.CALL ? services.providers(n) : List.of(Estimates.nested(n.type()));
    }

    RunResult execute() throws InterruptedException {
        startedMs = context.clock().time();
        long deadline = plan.melody.limits().timeoutMs() > 0 ? startedMs + plan.melody.limits().timeoutMs() : Long.MAX_VALUE;
        int slots = context.maxConcurrency() > 0 ? context.maxConcurrency() : plan.melody.limits().maxConcurrency();
        activation.choices.begin();
        flush();
        while (true) {
            boolean progress = runInline();
            flush();
            if (state.going()) {
                progress |= startWorkers(slots);
            }
            boolean idle = state.runningCount() == 0;
            if (tracker.isFinished() || state.cancelled() || (state.failed() && idle)) {
                break;
            }
            if (idle && !progress && context.debugger() != null && !state.failed() && activation.heldByDebugger()) {
                context.debugger().awaitChange(200);
                continue;
            }
            if (idle && !progress && !state.failed() && resources.waitingForOthers()) {
                context.sleeper().sleep(20); // a resource is held by another run of this process: wait for its release
                if (context.clock().time() > deadline) {
                    state.fail("the run exceeded limits.timeoutMs = " + plan.melody.limits().timeoutMs() + " ms");
                }
                continue;
            }
            if (idle && !progress && !state.failed() && activation.choices.waiting()) {
                context.sleeper().sleep(10); // a deferred choice waits for the first of its events
                if (context.clock().time() > deadline) {
                    state.fail("the run exceeded limits.timeoutMs = " + plan.melody.limits().timeoutMs() + " ms");
                }
                continue;
            }
            if (idle && !progress) {
                if (state.waiting().isEmpty() && !state.failed()) {
                    state.fail("no node can run: " + blockedSummary());
                }
                break;
            }
            if (!idle) {
                long wait = Math.max(1, Math.min(200, deadline - context.clock().time()));
                Completion c = completions.poll(wait, TimeUnit.MILLISECONDS);
                while (c != null) {
                    complete(c);
                    c = completions.poll();
                }
            }
            if (context.clock().time() > deadline && !state.failed()) {
                state.fail("the run exceeded limits.timeoutMs = " + plan.melody.limits().timeoutMs() + " ms");
                cancelRunning("run timed out");
            }
        }
        resources.releaseAll();
        RunStatus status = state.cancelled() ? RunStatus.CANCELLED : state.failed() ? RunStatus.FAILED
                : tracker.isFinished() ? RunStatus.SUCCEEDED : RunStatus.PAUSED;
        return new RunResult(runId, status, state.runOutputs(), state.failure(), state.waiting(), budget.spent());
    }

    private String blockedSummary() {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < plan.graph.nodeCount(); i++) {
            if (tracker.state(i) == NodeState.FAILED) {
                failed.add(eventName(i));
            }
        }
        return failed.isEmpty() ? "the remaining nodes wait for each other" : "blocked by failed " + String.join(", ", failed);
    }

    /** Emits node.ready / node.skipped for what the tracker moved itself. */
    void flush() {
        for (int i = 0; i < newlyReady.size(); i++) {
            int s = newlyReady.get(i);
            if (!plan.step(s).isGate() && !state.isWithdrawn(s) && !replaying) {
                events.emit(new RunEvent.NodeReady(eventName(s)));
            }
        }
        newlyReady.clear();
        for (int i = 0; i < newlySkipped.size(); i++) {
            int s = newlySkipped.get(i);
            if (!plan.step(s).isGate() && !replaying) {
                events.emit(new RunEvent.NodeSkipped(eventName(s), "no live incoming connection (branch not taken or source skipped)", null));
            }
        }
        newlySkipped.clear();
    }

    /** Built-ins and gates run on this thread; returns true if anything changed. */
    private boolean runInline() throws InterruptedException {
        boolean any = false;
        boolean changed = true;
        while (changed && state.going()) {
            changed = false;
            for (int s : readySteps()) {
                RunPlan.Step step = plan.step(s);
                if (step.isGate()) {
                    tracker.start(s);
                    boolean live = Expr.parse(step.gate().when()).test(scope());
                    tracker.complete(s, live ? 0 : 1);
                    changed = true;
                } else if (!isWorker(step.node()) && tracker.isReady(s)) {
                    changed |= new Builtins(this).run(s, step.node());
                }
                flush();
                if (!state.going()) {
                    break;
                }
            }
            any |= changed;
        }
        return any;
    }

    static boolean isWorker(MelodyNode n) {
        return n.type().scheduled();
    }

    /** READY, not running, not held back (discriminator, preconditions, halts): the steps that may start. */
    private List<Integer> readySteps() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < tracker.readyCount(); i++) {
            int s = tracker.readyAt(i);
            if (!state.isRunning(s) && !state.isWithdrawn(s)) {
                out.add(s);
            }
        }
        out.sort(null);
        List<Integer> allowed = new ArrayList<>();
        for (int s : out) {
            if (tracker.isReady(s) && activation.admit(s)) {
                allowed.add(s);
            }
        }
        return allowed;
    }

    private boolean startWorkers(int slots) {
        try {
            return startReady(slots);
        } finally {
            // A granted node that did not start (no free slot, not chosen) lets go, so nothing holds a resource
            // without running: a loop body may need what a waiting node of its parent would otherwise hold.
            resources.releaseIdle();
        }
    }

    private boolean startReady(int slots) {
        boolean any = false;
        while (state.runningCount() < slots) {
            List<PolicyBridge.Ready> ready = new ArrayList<>();
            for (int s : resources.admit(workerSteps(readySteps()))) {
                MelodyNode n = plan.step(s).node();
                if (n == null || !isWorker(n)) {
                    continue;
                }
                List<CapabilitySpec> providers = providers(n);
                if (providers.isEmpty() && !context.preview()) {
                    onFailure(s, "no installed extension offers " + (n.extension() == null ? "" : n.extension() + "/") + n.capability());
                    return true;
                }
                if (providers.isEmpty()) {
                    providers = List.of(new CapabilitySpec(n.extension() == null ? "preview" : n.extension(), n.capability(), "operator", null, n.call().expects(), 0, 10, 0));
                }
                ready.add(new PolicyBridge.Ready(s, readySeq[s], providers));
            }
            if (ready.isEmpty()) {
                return any;
            }
            long decisionStart = System.nanoTime(); // features included: the bar is on the whole decision in a real run
            PolicyBridge.Choice choice = policy.choose(context.policy(), ready, plan, this, slots - state.runningCount(), slots);
            long decisionNanos = System.nanoTime() - decisionStart;
            if (choice == null) {
                onFailure(ready.get(0).step(), "budget exhausted: " + Money.text(budget.spentExact()) + " of " + Money.text(budget.limit) + " spent");
                return true;
            }
            PolicyBridge.Ready r = ready.stream().filter(x -> x.step() == choice.step()).findFirst().orElseThrow();
            CapabilitySpec chosen = r.providers().get(choice.provider());
            stats.recorder.decided(eventName(r.step()), chosen.key(), policy.lastFeatures(), policy.lastCount(),
                    choice.candidate(), chosen.costPerCall(), policy.costUnit(plan, this), plan.criticalPathMs, policy.lastDecider(), policy.lastProbability(),
                    decisionNanos);
            start(r.step(), NodeCall.list(r.providers().get(choice.provider()), r.providers()));
            any = true;
        }
        return any;
    }

    private List<Integer> workerSteps(List<Integer> steps) {
        steps.removeIf(s -> plan.step(s).node() == null || !isWorker(plan.step(s).node()));
        return steps;
    }

    private void start(int s, List<CapabilitySpec> providers) {
        MelodyNode n = plan.step(s).node();
        PinnedOutput pin = prefix.isEmpty() ? context.pinned().get(n.id()) : null;
        if (pin != null) { // its turn, but it does not run: it finishes with the pinned value
            markStarted(s);
            events.emit(new RunEvent.NodeStarted(eventName(s), null, null));
            long now = context.clock().time();
            completions.add(new Completion(s, new NodeCall.Outcome(pin.value(), PinnedOutput.PRODUCER, 0, null), null, now));
            state.started(s, java.util.concurrent.CompletableFuture.completedFuture(null));
            return;
        }
        JsonNode editedInput = markStarted(s);
        boolean call = n.type() == NodeType.CALL;
        events.emit(new RunEvent.NodeStarted(eventName(s), call ? providers.get(0).extension() : null,
                call ? providers.get(0).capability() : null));
        long started = context.clock().time();
        Expr.Scope scope = activation.choices.withEvent(s, scope());
        Future<?> f = workers.submit(() -> {
            try {
                NodeCall.Outcome o = switch (n.type()) {
                    case CALL -> new NodeCall(services, new CallSpec(n, eventName(s), scope, providers, editedInput), calls).execute();
                    case LOOP -> new Nested(this).loop(n, eventName(s), scope);
                    default -> new Nested(this).melody(n, eventName(s), scope);
                };
                completions.add(new Completion(s, o, null, started));
            } catch (NodeFailure f2) {
                completions.add(new Completion(s, null, f2, started));
            } catch (InterruptedException ie) {
                completions.add(new Completion(s, null, new NodeFailure("cancelled"), started));
            } catch (RuntimeException re) {
                completions.add(new Completion(s, null, new NodeFailure(String.valueOf(re.getMessage()), re), started));
            }
        });
        state.started(s, f);
    }

    private void complete(Completion c) {
        boolean used = state.ended(c.step());
        resources.release(c.step());
        if (!used) {
            return; // withdrawn while it ran: its result is not used
        }
        long duration = Math.max(0, context.clock().time() - c.startedMs());
        stats.recorder.ended(eventName(c.step()), duration, c.outcome() == null ? 0 : c.outcome().cost(), c.failure() != null);
        if (c.failure() != null) {
            onFailure(c.step(), c.failure().getMessage());
            return;
        }
        finish(c.step(), c.outcome().output(), c.outcome().producer(), c.outcome().cost(), c.outcome().score(),
                c.startedMs(), -1, dev.symphony.pit.artifact.api.ArtifactKind.INTERMEDIATE);
        flush();
    }

    void cancelRunning(String reason) {
        for (int s : state.interruptAll()) {
            events.emit(new RunEvent.NodeCancelled(eventName(s), reason));
        }
    }

    /** Stores the output, updates the tracker (choosing {@code branch} if &gt;= 0), journals, cancels. */
    void finish(int s, JsonNode output, String producer, double cost, Float score, long startedMs, int branch,
                dev.symphony.pit.artifact.api.ArtifactKind kind) {
        results.finish(s, output, producer, cost, score, startedMs, branch, kind);
    }

    /** The node's error strategy after its own retries/fallbacks: fail (the run), skip, or halt & notify. */
    void onFailure(int s, String error) {
        results.onFailure(s, error);
    }

    /** Withdraws a pending or ready step (cancelled, with what depends on it alone). */
    void withdraw(int s, String reason) {
        results.withdraw(s, reason);
    }

    void skip(int s, String reason) {
        tracker.skip(s);
        newlySkipped.remove(Integer.valueOf(s));
        events.emit(new RunEvent.NodeSkipped(eventName(s), reason, true));
        flush();
    }

    /** Marks {@code s} running; returns the input a person set for it in the debugger, or null. */
    JsonNode markStarted(int s) {
        tracker.start(s);
        return context.debugger() != null ? context.debugger().started(eventName(s)) : null;
    }

    /** Runs a call on this thread (a compensation, while the run is rolled back). */
    NodeCall.Outcome callNow(CallSpec spec) throws NodeFailure, InterruptedException {
        return new NodeCall(services, spec, calls).execute();
    }

    /** A loop iteration or sub-Melody of this run: its own graph and state, this run's services and limits. */
    MelodyRun child(RunPlan childPlan, String childPrefix, ObjectNode childInputs) {
        return new MelodyRun(context, childPlan, events, childPrefix, null, approvals, childInputs, workers, calls, budget, stats);
    }

    /** Restores finished, skipped, withdrawn and halted nodes from journal events, without running anything. */
    void replay(List<JsonNode> journalEvents) {
        this.past = journalEvents;
        new RunReplay(this).replay(journalEvents);
    }

}
