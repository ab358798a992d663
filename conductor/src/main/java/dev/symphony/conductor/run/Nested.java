package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.Template;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loops and sub-Melodies: each iteration (or the sub-Melody) is a nested {@link MelodyRun} on the worker
 * thread, sharing the run's events, artifact store, budget and approvals; its nodes are named
 * {@code loop/ITERATION/child} or {@code node/child} in events. Not journaled individually: a resumed run
 * runs an unfinished loop or sub-Melody again from its start.
 */
final class Nested {
    private final MelodyRun parent;

    Nested(MelodyRun parent) {
        this.parent = parent;
    }

    NodeCall.Outcome loop(MelodyNode n, String name, Expr.Scope scope) throws NodeFailure, InterruptedException {
        RunPlan body = RunPlan.compile(n.body(), parent.context.capabilities());
        int max = n.json().path("maxIterations").asInt();
        Expr until = n.json().has("until") ? Expr.parse(n.text("until")) : null;
        Expr whileExpr = n.json().has("while") ? Expr.parse(n.text("while")) : null;
        JsonNode previous = JsonNodeFactory.instance.nullNode();
        for (int i = 0; i < max; i++) {
            int iteration = i;
            JsonNode prev = previous;
            Expr.Scope loopScope = root -> root.equals("iteration") ? JsonNodeFactory.instance.numberNode(iteration)
                    : root.equals("previous") ? prev : scope.apply(root);
            if (whileExpr != null && !whileExpr.test(outputsScope(prev, iteration, loopScope))) {
                return done(n, previous, i);
            }
            ObjectNode inputs = (ObjectNode) Template.render(n.json().has("inputs") ? n.field("inputs")
                    : JsonNodeFactory.instance.objectNode(), loopScope);
            ObjectNode p = parent.events.event("node.progress", name);
            p.put("iteration", i).put("message", "iteration " + (i + 1) + " of at most " + max);
            parent.events.emit(p);
            RunResult r = nested(body, name + "/" + (i + 1) + "/", inputs);
            previous = r.outputs();
            if (until != null && until.test(outputsScope(previous, i, loopScope))) {
                return done(n, previous, i + 1);
            }
        }
        if (until == null && whileExpr == null) {
            return done(n, previous, max);
        }
        if (n.json().path("onLimit").asText("finish").equals("fail")) {
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
        Path file = parent.plan.melody.baseDir().resolve(n.text("path")).normalize();
        Melody sub;
        try {
            sub = new MelodyReader(parent.context.capabilities()).read(file);
        } catch (InvalidMelodyException | IOException e) {
            throw new NodeFailure(e.getMessage());
        }
        ObjectNode inputs = (ObjectNode) Template.render(n.json().has("inputs") ? n.field("inputs")
                : JsonNodeFactory.instance.objectNode(), scope);
        RunResult r = nested(RunPlan.compile(sub, parent.context.capabilities()), name + "/", inputs);
        return new NodeCall.Outcome(r.outputs(), "melody:" + n.text("path"), r.cost(), null);
    }

    private RunResult nested(RunPlan plan, String prefix, ObjectNode inputs) throws NodeFailure, InterruptedException {
        double before = parent.spent();
        MelodyRun child = new MelodyRun(parent.context, plan, parent.events, prefix, null, parent.approvals(), inputs,
                parent.workers(), parent.calls(), parent.sharedBudget(), parent.stats());
        RunResult r = child.execute();
        switch (r.status()) {
            case SUCCEEDED:
                return new RunResult(r.runId(), r.status(), r.outputs(), null, r.waiting(), parent.spent() - before);
            case PAUSED:
                throw new NodeFailure("an approval inside " + prefix + " is waiting (" + String.join(", ", r.waiting())
                        + "); approvals inside loops and sub-Melodies need --yes or a terminal");
            default:
                throw new NodeFailure(prefix + ": " + (r.error() == null ? r.status().jsonName() : r.error()));
        }
    }
}
