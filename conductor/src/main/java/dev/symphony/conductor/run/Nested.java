package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.NodeSpec;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.Template;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loops and sub-Melodies: each iteration (or the sub-Melody) is a nested {@link MelodyRun} on the worker
 * thread, sharing the run's events, artifact store, budget and approvals; its nodes are named
 * {@code loop/ITERATION/child} or {@code node/child} in events, which go to the run's journal. Each finished
 * iteration's outputs are stored as an artifact ({@code node.progress} with {@code artifactId}). On resume, an
 * interrupted loop continues after its last finished iteration (its outputs read back as {@code previous}), and
 * the interrupted iteration or sub-Melody replays its own nodes' journal lines: finished children are not run
 * again.
 */
final class Nested {
    private final MelodyRun parent;

    Nested(MelodyRun parent) {
        this.parent = parent;
    }

    NodeCall.Outcome loop(MelodyNode n, String name, Expr.Scope scope) throws NodeFailure, InterruptedException {
        RunPlan body = RunPlan.compile(n.body(), parent.context.capabilities(), parent.stats.estimates);
        NodeSpec.Loop spec = (NodeSpec.Loop) n.spec();
        int max = spec.maxIterations();
        Expr until = spec.until() != null ? Expr.parse(spec.until()) : null;
        Expr whileExpr = spec.whileExpr() != null ? Expr.parse(spec.whileExpr()) : null;
        JsonNode previous = JsonNodeFactory.instance.nullNode();
        List<JsonNode> past = interruptedAttempt(name);
        int first = 0;
        for (JsonNode ev : past) { // the last iteration that finished before the interruption
            if (ev.path("type").asText().equals("node.progress") && ev.path("node").asText().equals(name)
                    && ev.has("artifactId") && ev.path("iteration").asInt(-1) >= first) {
                try {
                    previous = parent.context.artifacts().readJson(ev.path("artifactId").asLong());
                    first = ev.path("iteration").asInt() + 1;
                } catch (RuntimeException lost) {
                    break; // its outputs are gone: continue from the last iteration read back
                }
            }
        }
        if (first > 0) {
            if (until != null && until.test(outputsScope(previous, first - 1, scope))) {
                return done(n, previous, first);
            }
            parent.events.emit(new RunEvent.NodeProgress(name, null, null,
                    "resumed after iteration " + first + " (finished before the interruption)"));
        }
        for (int i = first; i < max; i++) {
            int iteration = i;
            JsonNode prev = previous;
            Expr.Scope loopScope = root -> root.equals("iteration") ? JsonNodeFactory.instance.numberNode(iteration)
                    : root.equals("previous") ? prev : scope.apply(root);
            if (whileExpr != null && !whileExpr.test(outputsScope(prev, iteration, loopScope))) {
                return done(n, previous, i);
            }
            ObjectNode inputs = (ObjectNode) Template.render(spec.inputs() != null ? spec.inputs()
                    : JsonNodeFactory.instance.objectNode(), loopScope);
            parent.events.emit(new RunEvent.NodeProgress(name, i, null, "iteration " + (i + 1) + " of at most " + max));
            RunResult r = nested(body, name + "/" + (i + 1) + "/", inputs, past);
            previous = r.outputs();
            iterationFinished(name, i, previous);
            if (until != null && until.test(outputsScope(previous, i, loopScope))) {
                return done(n, previous, i + 1);
            }
        }
        if (until == null && whileExpr == null) {
            return done(n, previous, max);
        }
        if (spec.failOnLimit()) {
            throw new NodeFailure("loop reached maxIterations = " + max + " before its condition held");
        }
        return done(n, previous, max);
    }

    private static Expr.Scope outputsScope(JsonNode outputs, int iteration, Expr.Scope outer) {
        return root -> root.equals("iteration") ? JsonNodeFactory.instance.numberNode(iteration)
                : outputs != null && outputs.has(root) ? outputs.get(root) : outer.apply(root);
    }

    private NodeCall.Outcome done(MelodyNode n, JsonNode last, int iterations) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (last != null && last.isObject()) {
            out.setAll((ObjectNode) last);
        }
        out.put("iterations", iterations);
        return new NodeCall.Outcome(out, "conductor/loop", 0, null);
    }

    NodeCall.Outcome melody(MelodyNode n, String name, Expr.Scope scope) throws NodeFailure, InterruptedException {
        NodeSpec.SubMelody spec = (NodeSpec.SubMelody) n.spec();
        Path file = parent.plan.melody.baseDir().resolve(spec.path()).normalize();
        Melody sub;
        try {
            sub = new MelodyReader(parent.context.capabilities()).read(file);
        } catch (InvalidMelodyException | IOException e) {
            throw new NodeFailure(e.getMessage());
        }
        ObjectNode inputs = (ObjectNode) Template.render(spec.inputs() != null ? spec.inputs()
                : JsonNodeFactory.instance.objectNode(), scope);
        RunResult r = nested(RunPlan.compile(sub, parent.context.capabilities(), parent.stats.estimates), name + "/", inputs, interruptedAttempt(name));
        return new NodeCall.Outcome(r.outputs(), "melody:" + spec.path(), r.cost(), null);
    }

    /** Stores an iteration's outputs and says so, so a resume can continue after it. */
    private void iterationFinished(String name, int iteration, JsonNode outputs) {
        long now = parent.context.clock().time();
        long id = parent.context.artifacts().putJson("run/" + parent.runId + "/" + name + "/" + (iteration + 1),
                dev.symphony.pit.artifact.api.ArtifactKind.INTERMEDIATE, outputs,
                new dev.symphony.pit.artifact.api.Provenance("conductor/loop", parent.runId, name, now, now, 0), new long[0]);
        parent.events.emit(new RunEvent.NodeProgress(name, iteration, id, "iteration " + (iteration + 1) + " finished"));
    }

    /**
     * The journal lines of this node's interrupted attempt (from the first start after its last failure, finish
     * or cancellation: an attempt may have been interrupted and resumed several times), or none: a retried or
     * fresh node starts from scratch.
     */
    private List<JsonNode> interruptedAttempt(String name) {
        List<JsonNode> past = parent.past;
        int start = -1;
        for (int i = 0; i < past.size(); i++) {
            JsonNode ev = past.get(i);
            if (!ev.path("node").asText().equals(name)) {
                continue;
            }
            String type = ev.path("type").asText();
            if (type.equals("node.started") && start < 0) {
                start = i; // an attempt resumed after an interruption continues the one it resumed
            } else if (type.equals("node.failed") || type.equals("node.finished") || type.equals("node.cancelled")) {
                start = -1;
            }
        }
        return start < 0 ? List.of() : past.subList(start + 1, past.size());
    }

    private RunResult nested(RunPlan plan, String prefix, ObjectNode inputs, List<JsonNode> past)
            throws NodeFailure, InterruptedException {
        java.math.BigDecimal before = parent.budget.spentExact();
        MelodyRun child = parent.child(plan, prefix, inputs);
        if (!past.isEmpty()) {
            child.replay(past); // its own lines only (by prefix); nested loops in it continue the same way
        }
        RunResult r = child.execute();
        switch (r.status()) {
            case SUCCEEDED:
                return new RunResult(r.runId(), r.status(), r.outputs(), null, r.waiting(), parent.budget.spentExact().subtract(before).doubleValue());
            case PAUSED:
                throw new NodeFailure("an approval inside " + prefix + " is waiting (" + String.join(", ", r.waiting())
                        + "); approvals inside loops and sub-Melodies need --yes or a terminal");
            default:
                throw new NodeFailure(prefix + ": " + (r.error() == null ? r.status().jsonName() : r.error()));
        }
    }
}
