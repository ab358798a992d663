package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.NodeType;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.pit.dag.api.NodeState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resume: rebuilds a run's state from its journal into a fresh tracker — finished nodes (outputs read back
 * from the artifact store by id, branches re-chosen; a missing output reconstructed from a later node's or
 * left to run again), explicit skips and cancellations, halts — re-evaluating gates on the way, without
 * running anything.
 */
final class RunReplay {
    private final MelodyRun run;

    RunReplay(MelodyRun run) {
        this.run = run;
    }

    /** Restores finished, skipped, withdrawn and halted nodes from journal events, without running anything. */
    void replay(List<JsonNode> journalEvents) {
        run.replaying = true;
        Map<String, Long> journaled = new HashMap<>();
        for (JsonNode ev : journalEvents) {
            String t = ev.path("type").asText();
            if (t.equals("node.finished") || (t.equals("node.reconstructed") && ev.has("artifactId"))) {
                journaled.put(ev.path("node").asText(), ev.path("artifactId").asLong());
            }
        }
        for (JsonNode ev : journalEvents) {
            String type = ev.path("type").asText();
            String node = ev.path("node").asText("");
            if (!node.startsWith(run.prefix)) {
                continue; // another nested run's (or the parent's) event
            }
            int s = run.plan.graph.nodeId(node.substring(run.prefix.length()));
            if (s < 0) {
                continue;
            }
            settleGates();
            switch (type) {
                case "node.finished" -> {
                    if (run.tracker.isReady(s)) {
                        long id = journaled.get(ev.path("node").asText()); // the newest, if it was reconstructed
                        JsonNode out;
                        try {
                            out = run.context.artifacts().readJson(id);
                        } catch (RuntimeException unreadable) {
                            Reconstruction rec = new Reconstruction(run);
                            out = rec.regenerate(run.plan.step(s).node(), from -> journaled.get(run.prefix + from));
                            if (out == null) {
                                continue; // purged or lost: the node runs again instead of trusting the journal
                            }
                            String from = Reconstruction.source(run.plan.step(s).node());
                            id = rec.store(s, out, "reconstructed:" + from, new long[] {journaled.get(run.prefix + from)},
                                    "reverse reconstruction from " + from);
                            journaled.put(run.eventName(s), id);
                            run.events.emit(new RunEvent.NodeFinished(run.eventName(s), id, 0, Money.ZERO,
                                    "reverse reconstruction", ev.path("branch").asText(null), null));
                        }
                        RunPlan.Step step = run.plan.step(s);
                        run.state.finished(s, step.node().id(), step.name(), out, id, step.node().type() == NodeType.OUTPUT);
                        run.tracker.start(s);
                        String branch = ev.path("branch").asText(null);
                        if (branch != null) {
                            run.tracker.complete(s, step.node().branches().indexOf(branch));
                        } else {
                            run.tracker.complete(s);
                        }
                        run.budget.charge(ev.path("cost").asDouble(0));
                    }
                }
                case "node.skipped", "node.cancelled" -> {
                    if (ev.path("explicit").asBoolean(type.equals("node.cancelled"))
                            && (run.tracker.state(s) == NodeState.PENDING || run.tracker.state(s) == NodeState.READY)) {
                        if (type.equals("node.cancelled")) {
                            run.state.withdraw(s);
                        }
                        run.tracker.skip(s);
                    }
                }
                case "node.halted" -> {
                    run.state.restoreHalt(s, ev.path("attempt").asInt(1));
                }
                default -> {
                }
            }
        }
        settleGates();
        run.newlyReady.clear();
        run.newlySkipped.clear();
        run.replaying = false;
    }

    void settleGates() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < run.tracker.readyCount(); i++) {
                int s = run.tracker.readyAt(i);
                if (run.plan.step(s).isGate()) {
                    run.tracker.start(s);
                    run.tracker.complete(s, Expr.parse(run.plan.step(s).gate().when()).test(run.scope()) ? 0 : 1);
                    changed = true;
                    break;
                }
            }
        }
    }
}
