package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.pit.artifact.api.ArtifactKind;
import dev.symphony.pit.artifact.api.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * Saga compensation, on the run's thread: when a node with {@code onError.then = compensate} fails past its
 * retries and fallback, the run fails, and every node that finished before it and declares a
 * {@code compensation} is undone by that node — in reverse order of completion, one at a time, each recorded as
 * a {@code node.compensated} event and its output stored with provenance {@code compensation:NODE:…}. The
 * compensation node sees the run's outputs, {@code compensated} = {@code {node, output}} and {@code error}. A
 * compensation that fails is recorded and the others still run (what is left to undo by hand is in the message).
 */
final class Compensation {
    private final MelodyRun run;

    Compensation(MelodyRun run) {
        this.run = run;
    }

    /** Undoes the finished nodes; returns what to add to the run's failure message. */
    String rollBack(String failedNode, String error) {
        List<String> undone = new ArrayList<>();
        List<String> notUndone = new ArrayList<>();
        List<Integer> order = run.state.finishedOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            int s = order.get(i);
            MelodyNode n = run.plan.step(s).node();
            String undoId = n == null ? null : n.common().compensation();
            if (undoId == null) {
                continue;
            }
            String name = run.eventName(s);
            String problem = undo(s, name, run.plan.melody.node(undoId).orElseThrow(), error);
            if (problem == null) {
                undone.add(name);
            } else {
                notUndone.add(name + " (" + problem + ")");
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        String out = undone.isEmpty() ? "" : "; compensated " + String.join(", ", undone) + " (last finished first)";
        return notUndone.isEmpty() ? out : out + "; not compensated: " + String.join(", ", notUndone);
    }

    /** Runs {@code undo} for step {@code s}; null when it succeeded, else why not. */
    private String undo(int s, String name, MelodyNode undo, String error) {
        String by = run.prefix + undo.id();
        ObjectNode compensated = JsonNodeFactory.instance.objectNode().put("node", name);
        compensated.set("output", run.state.output(run.plan.step(s).name()).orElse(null));
        Expr.Scope outputs = run.scope();
        Expr.Scope scope = root -> root.equals("compensated") ? compensated
                : root.equals("error") ? JsonNodeFactory.instance.textNode(error) : outputs.apply(root);
        List<CapabilitySpec> providers = run.services.providers(undo);
        if (providers.isEmpty()) {
            String why = "no installed extension offers " + (undo.extension() == null ? "" : undo.extension() + "/") + undo.capability();
            run.events.emit(new RunEvent.NodeCompensated(name, by, null, Money.ZERO, why));
            return why;
        }
        run.events.emit(new RunEvent.NodeStarted(by, providers.get(0).extension(), providers.get(0).capability()));
        long started = run.context.clock().time();
        try {
            NodeCall.Outcome o = run.callNow(new CallSpec(undo, by, scope, providers, null));
            Long from = run.state.artifactId(run.plan.step(s).name());
            String artifact = "run/" + run.runId + "/" + by + "/for/" + name;
            long id = run.context.artifacts().putJson(artifact, ArtifactKind.INTERMEDIATE, o.output(),
                    new Provenance("compensation:" + name + ":" + o.producer(), run.runId, by, started,
                            run.context.clock().time(), Math.round(o.cost() * 1_000_000)),
                    from == null ? new long[0] : new long[] {from});
            run.events.emit(new RunEvent.ArtifactStored(by, id, artifact, "intermediate", run.context.artifacts().size(id),
                    "compensation of " + name));
            run.events.emit(new RunEvent.NodeCompensated(name, by, id, Money.of(o.cost()), null));
            return null;
        } catch (NodeFailure f) {
            run.events.emit(new RunEvent.NodeCompensated(name, by, null, Money.ZERO, f.getMessage()));
            return f.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.events.emit(new RunEvent.NodeCompensated(name, by, null, Money.ZERO, "interrupted"));
            return "interrupted";
        }
    }
}
