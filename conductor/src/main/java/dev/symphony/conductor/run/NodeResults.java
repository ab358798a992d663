package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.ErrorStrategy;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.NodeType;
import dev.symphony.pit.dag.api.NodeState;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens when a node ends, on the run's thread: a result is stored (artifact with provenance), the
 * tracker updated, the event emitted and the node's {@code cancels} applied; a failure goes through the
 * node's error strategy (fail the run, skip, or halt & notify).
 */
final class NodeResults {
    private final MelodyRun run;

    NodeResults(MelodyRun run) {
        this.run = run;
    }

    /** Stores the output, updates the tracker (choosing {@code branch} if &gt;= 0), journals, cancels. */
    void finish(int s, JsonNode output, String producer, double cost, Float score, long startedMs, int branch,
                dev.symphony.pit.artifact.api.ArtifactKind kind) {
        RunPlan.Step step = run.plan.step(s);
        long now = run.context.clock().time();
        String name = run.eventName(s);
        long[] from = derivedFrom(s);
        long id = run.context.artifacts().putJson("run/" + run.runId + "/" + name, kind, output,
                new dev.symphony.pit.artifact.api.Provenance(producer, run.runId, name, startedMs, now,
                        Math.round(cost * 1_000_000)), from);
        if (score != null) {
            run.context.artifacts().score(id, step.node().call() != null && step.node().call().gate() != null && step.node().call().gate().schema() != null ? 1f : Float.NaN, score, "conductor");
        }
        run.events.emit(new RunEvent.ArtifactStored(name, id, "run/" + run.runId + "/" + name,
                kind.name().toLowerCase(java.util.Locale.ROOT), run.context.artifacts().size(id), null));
        run.state.finished(s, step.node().id(), step.name(), output, id, step.node().type() == NodeType.OUTPUT);
        if (branch >= 0) {
            run.tracker.complete(s, branch);
        } else {
            run.tracker.complete(s);
        }
        run.events.emit(new RunEvent.NodeFinished(name, id, Math.max(0, now - startedMs), Money.of(cost),
                PinnedOutput.PRODUCER.equals(producer) ? PinnedOutput.REASON : null,
                branch >= 0 ? step.node().branches().get(branch) : null, score));
        if (run.context.debugger() != null) {
            run.context.debugger().finished(name, output);
        }
        applyCancels(step.node());
    }

    long[] derivedFrom(int s) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < run.plan.graph.inDegree(s); i++) {
            int src = run.plan.graph.edgeSource(run.plan.graph.inEdge(s, i));
            while (run.plan.step(src).isGate() && run.plan.graph.inDegree(src) > 0) {
                src = run.plan.graph.edgeSource(run.plan.graph.inEdge(src, 0));
            }
            Long id = run.state.artifactId(run.plan.step(src).name());
            if (id != null) {
                ids.add(id);
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    void applyCancels(MelodyNode n) {
        for (String target : n.cancels()) {
            if (target.equals("*")) {
                run.state.cancel();
                run.cancelRunning("the run was cancelled by " + run.prefix + n.id());
                for (int i = 0; i < run.plan.graph.nodeCount(); i++) {
                    NodeState st = run.tracker.state(i);
                    if ((st == NodeState.PENDING || st == NodeState.READY) && !run.plan.step(i).isGate()) {
                        withdraw(i, "the run was cancelled by " + run.prefix + n.id());
                    }
                }
                return;
            }
            for (int s : run.plan.idsOf.getOrDefault(target, List.of())) {
                NodeState st = run.tracker.state(s);
                if (st == NodeState.RUNNING) {
                    run.state.withdraw(s);
                    run.tracker.fail(s);
                    run.tracker.reset(s);
                }
                if (run.tracker.state(s) == NodeState.PENDING || run.tracker.state(s) == NodeState.READY) {
                    withdraw(s, "cancelled by " + run.prefix + n.id());
                }
            }
        }
    }

    void withdraw(int s, String reason) {
        run.state.withdraw(s);
        run.tracker.skip(s);
        run.newlySkipped.remove(Integer.valueOf(s));
        run.events.emit(new RunEvent.NodeCancelled(run.eventName(s), reason));
        run.flush();
    }

    /** The node's error strategy after its own retries/fallbacks: fail (the run), skip, or halt & notify. */
    void onFailure(int s, String error) {
        MelodyNode n = run.plan.step(s).node();
        run.events.emit(new RunEvent.NodeFailed(run.eventName(s), error));
        ErrorStrategy.Then then = n.errorStrategy().then();
        if (run.tracker.state(s) == NodeState.READY) {
            run.tracker.start(s);
        }
        run.tracker.fail(s);
        if (then == ErrorStrategy.Then.SKIP && !n.essential()) {
            run.tracker.reset(s);
            run.newlyReady.remove(Integer.valueOf(s));
            run.skip(s, "skipped after failure (non-essential): " + error);
        } else if (then == ErrorStrategy.Then.HALT) {
            run.tracker.reset(s);
            run.newlyReady.remove(Integer.valueOf(s));
            int count = run.state.halt(s);
            run.events.emit(new RunEvent.NodeHalted(run.eventName(s), error, count));
            run.events.emit(new RunEvent.ApprovalWaiting(run.eventName(s), "node " + run.eventName(s) + " failed (" + error
                    + "); retry it?", "halt", run.eventName(s) + ".halt" + count));
        } else {
            run.state.fail("node " + run.eventName(s) + " failed: " + error);
            run.cancelRunning("run failed");
            if (then == ErrorStrategy.Then.COMPENSATE) {
                run.state.fail(run.state.failure() + new Compensation(run).rollBack(run.eventName(s), error));
            }
        }
        run.flush();
    }
}
