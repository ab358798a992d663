package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.Template;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-node rules of {@link MelodyValidator}: one instance per node checked. They read the node's typed
 * records ({@link NodeCommon}, the kind's {@link NodeSpec}, {@link ErrorStrategy}), the same the executor acts on,
 * so a field means one thing to both; JSON paths name where each field is in the file.
 */
final class NodeRules {
    private final MelodyValidator v;
    private final Melody m;
    private final MelodyNode n;
    private final Map<String, MelodyNode> byId;
    private final MelodyValidator.Scope scope;
    private final Set<String> compensations;
    private final List<Problem> problems;

    NodeRules(MelodyValidator v, Melody m, MelodyNode n, Map<String, MelodyNode> byId, Set<String> upstream,
              Set<String> compensations, List<Problem> problems) {
        this.v = v;
        this.m = m;
        this.n = n;
        this.byId = byId;
        this.scope = new MelodyValidator.Scope(n.id(), byId, upstream);
        this.compensations = compensations;
        this.problems = problems;
    }

    void check() {
        Set<String> allowed = n.call() != null && n.call().forEach() != null ? MelodyValidator.FOR_EACH_NAMES : Set.of();
        if (compensations.contains(n.id())) {
            allowed = union(allowed, Set.of("error", "compensated"));
        }
        if (n.common().awaits() != null && n.common().awaits().event() != null) {
            allowed = union(allowed, Set.of("event"));
        }
        List<String> preconditions = n.common().preconditions();
        for (int i = 0; i < preconditions.size(); i++) {
            v.expression(preconditions.get(i), n.path() + ".preconditions[" + i + "]", allowed, scope, problems);
        }
        NodeSpec spec = n.spec();
        if (spec instanceof NodeSpec.Call c) {
            call(c, allowed);
        } else if (spec instanceof NodeSpec.Input in) {
            input(in);
        } else if (spec instanceof NodeSpec.Output out) {
            v.templates(out.value(), n.path() + ".value", allowed, scope, problems);
        } else if (spec instanceof NodeSpec.Condition c) {
            condition(c);
        } else if (spec instanceof NodeSpec.Loop l) {
            loop(l);
        } else if (spec instanceof NodeSpec.Approval a) {
            v.templates(a.prompt(), n.path() + ".prompt", allowed, scope, problems);
            v.templates(a.details(), n.path() + ".details", allowed, scope, problems);
        } else if (spec instanceof NodeSpec.SubMelody sub) {
            v.templates(sub.inputs(), n.path() + ".inputs", allowed, scope, problems);
            v.subMelody(n, sub.path(), m.baseDir(), problems);
        }
        onError();
        compensation();
        awaits();
        gateOnCallsOnly();
        cancels();
        reconstruct();
        resources();
    }

    /** Only nodes that run on a worker (call, loop, melody) are scheduled, so only they can hold resources. */
    private void resources() {
        if (!n.common().resources().isEmpty() && n.type() != NodeType.CALL && n.type() != NodeType.LOOP && n.type() != NodeType.MELODY) {
            problems.add(new Problem(n.path() + ".resources", "only call, loop and melody nodes hold resources; a "
                    + n.type().jsonName() + " node runs inline"));
        }
    }

    /** The later node must depend on this one (it is built from this node's output). */
    private void reconstruct() {
        NodeCommon.Reconstruct r = n.common().reconstruct();
        if (r == null) {
            return;
        }
        String from = r.from();
        if (!byId.containsKey(from)) {
            problems.add(new Problem(n.path() + ".reconstruct.from", "unknown node '" + from + "'"
                    + MelodyValidator.suggestion(from, byId.keySet())));
            return;
        }
        if (!v.isUpstream(m, n.id(), from)) {
            problems.add(new Problem(n.path() + ".reconstruct.from", "'" + from + "' does not depend on '" + n.id()
                    + "': only a later node's output can reconstruct this one"));
        }
        v.templates(r.value(), n.path() + ".reconstruct.value", Set.of(from), new MelodyValidator.Scope(n.id(), byId, Set.of()),
                problems);
    }

    private void call(NodeSpec.Call c, Set<String> allowed) {
        if (c.forEach() != null) {
            v.expression(c.forEach(), n.path() + ".forEach", Set.of(), scope, problems);
        }
        v.templates(c.input(), n.path() + ".input", allowed, scope, problems);
        Optional<CapabilitySpec> spec = capability(c.extension(), c.capability(), c.kind(), n.path());
        spec.ifPresent(s -> portTypes(c.input(), s));
        gate(c.gate());
    }

    /** Checks a capability reference against the catalog; the spec when exactly one is known. */
    private Optional<CapabilitySpec> capability(String extension, String capability, String kind, String path) {
        CapabilityCatalog catalog = v.catalog();
        if (!catalog.available()) {
            return Optional.empty();
        }
        if (extension == null) {
            List<CapabilitySpec> offers = catalog.offering(capability, kind);
            if (offers.isEmpty()) {
                problems.add(new Problem(path + ".capability", "no installed extension offers capability '" + capability
                        + "'" + (kind == null ? "" : " as an " + kind)));
            }
            return offers.size() == 1 ? Optional.of(offers.get(0)) : Optional.empty();
        }
        if (!catalog.hasExtension(extension)) {
            problems.add(new Problem(path + ".extension", "unknown extension '" + extension + "' (see `symphony ext list`)"));
            return Optional.empty();
        }
        Optional<CapabilitySpec> spec = catalog.find(extension, capability);
        if (spec.isEmpty()) {
            problems.add(new Problem(path + ".capability", extension + " has no capability '" + capability + "'"));
        }
        return spec;
    }

    /** Each input property fed by a whole {@code ${node.path}} reference must match the capability's input type. */
    private void portTypes(JsonNode input, CapabilitySpec spec) {
        JsonNode props = spec.inputSchema() == null ? null : spec.inputSchema().get("properties");
        if (input == null || !input.isObject() || props == null) {
            return;
        }
        input.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                return;
            }
            String whole = Template.wholeExpression(e.getValue().textValue());
            if (whole == null) {
                return;
            }
            Expr expr;
            try {
                expr = Expr.parse(whole);
            } catch (RuntimeException ex) {
                return; // reported by the template check
            }
            if (expr instanceof Expr.Reference ref && byId.containsKey(ref.root()) && props.has(e.getKey())) {
                String mismatch = PortTypes.mismatch(ref, byId.get(ref.root()), v.catalog(), props.get(e.getKey()),
                        spec.key() + " input '" + e.getKey() + "'");
                if (mismatch != null) {
                    problems.add(new Problem(n.path() + ".input." + e.getKey(), mismatch));
                }
            }
        });
    }

    private void input(NodeSpec.Input in) {
        if (in.schema() == null) {
            return;
        }
        try {
            var compiled = MelodySchema.compile(in.schema());
            if (in.defaultValue() != null) {
                problems.addAll(MelodySchema.problems(compiled, in.defaultValue(), n.path() + ".default"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(n.path() + ".schema", e.getMessage()));
        }
    }

    private void condition(NodeSpec.Condition c) {
        Set<String> branches = new HashSet<>();
        for (int i = 0; i < c.cases().size(); i++) {
            NodeSpec.Condition.Case k = c.cases().get(i);
            v.expression(k.when(), n.path() + ".cases[" + i + "].when", Set.of(), scope, problems);
            if (!branches.add(k.branch())) {
                problems.add(new Problem(n.path() + ".cases[" + i + "].branch", "duplicate branch '" + k.branch() + "'"));
            }
        }
    }

    private void loop(NodeSpec.Loop l) {
        Melody body = l.body();
        problems.addAll(new MelodyValidator(v.catalog()).validate(body));
        Set<String> bodyInputs = new HashSet<>();
        body.nodes().stream().filter(b -> b.type() == NodeType.INPUT).forEach(b -> bodyInputs.add(b.id()));
        JsonNode inputs = l.inputs() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : l.inputs();
        inputs.fieldNames().forEachRemaining(name -> {
            if (!bodyInputs.contains(name)) {
                problems.add(new Problem(n.path() + ".inputs." + name, "the loop body has no input node '" + name + "'"));
            }
        });
        v.templates(inputs, n.path() + ".inputs", MelodyValidator.LOOP_NAMES, scope, problems);
        Set<String> outputs = new HashSet<>(MelodyValidator.LOOP_NAMES);
        body.nodes().stream().filter(b -> b.type() == NodeType.OUTPUT).forEach(b -> outputs.add(b.id()));
        if (outputs.size() == MelodyValidator.LOOP_NAMES.size()) {
            problems.add(new Problem(n.path() + ".body", "a loop body needs at least one output node (what an iteration produces)"));
        }
        // The loop's condition reads the iteration's outputs by output node id (and iteration).
        if (l.until() != null) {
            v.expression(l.until(), n.path() + ".until", outputs, new MelodyValidator.Scope(n.id(), Map.of(), Set.of()), problems);
        }
        if (l.whileExpr() != null) {
            v.expression(l.whileExpr(), n.path() + ".while", outputs, new MelodyValidator.Scope(n.id(), Map.of(), Set.of()), problems);
        }
        if (l.until() != null && l.whileExpr() != null) {
            problems.add(new Problem(n.path(), "a loop has 'until' or 'while', not both"));
        }
    }

    /** {@code awaits}: one event or one timer, on a node that starts work, in a choice of at least two nodes. */
    private void awaits() {
        NodeCommon.Awaits a = n.common().awaits();
        if (a == null) {
            return;
        }
        String at = n.path() + ".awaits";
        if ((a.event() == null) == (a.afterMs() == null)) {
            problems.add(new Problem(at, "give either 'event' (a name delivered to the run) or 'afterMs' (a timer), not "
                    + (a.event() == null ? "neither" : "both")));
        }
        if (n.type() != NodeType.CALL && n.type() != NodeType.LOOP && n.type() != NodeType.MELODY) {
            problems.add(new Problem(at, "only call, loop and melody nodes await an event ('" + n.id() + "' is of type "
                    + n.type().jsonName() + ")"));
        }
        long members = m.nodes().stream().filter(o -> o.common().awaits() != null && o.common().awaits().choice().equals(a.choice())).count();
        if (members < 2) {
            problems.add(new Problem(at + ".choice", "deferred choice '" + a.choice() + "' has only '" + n.id()
                    + "': give the other branches' first nodes the same choice"));
        }
    }

    /** {@code compensation}: an unconnected call node that undoes this one (saga compensation). */
    private void compensation() {
        String comp = n.common().compensation();
        if (comp == null) {
            return;
        }
        String at = n.path() + ".compensation";
        MelodyNode c = byId.get(comp);
        if (c == null) {
            problems.add(new Problem(at, "unknown node '" + comp + "'" + MelodyValidator.suggestion(comp, byId.keySet())));
        } else if (comp.equals(n.id())) {
            problems.add(new Problem(at, "a node cannot compensate itself"));
        } else if (c.type() != NodeType.CALL) {
            problems.add(new Problem(at, "'" + comp + "' is a " + c.type().jsonName() + " node: a compensation is a call node"));
        } else if (c.common().compensation() != null) {
            problems.add(new Problem(at, "'" + comp + "' has a compensation of its own: a compensation is not undone"));
        } else if (compensations.contains(n.id())) {
            problems.add(new Problem(at, "'" + n.id() + "' is itself a compensation: a compensation is not undone"));
        }
    }

    private void onError() {
        ErrorStrategy e = n.errorStrategy();
        ErrorStrategy.Then then = e.then();
        if (then == ErrorStrategy.Then.SKIP && n.essential()) {
            problems.add(new Problem(n.path() + ".onError.then", "skip is only for non-essential nodes: set \"essential\": false"
                    + " on '" + n.id() + "' or choose another strategy"));
        }
        if (e.retiredCompensate()) {
            problems.add(new Problem(n.path() + ".onError.compensate", "'compensate' no longer names a substitute:"
                    + " for a substitute output use onError.fallback; to undo finished nodes when this one fails, give them"
                    + " a 'compensation' node and set \"then\": \"compensate\""));
        }
        boolean retries = !e.retry().equals(ErrorStrategy.Retry.NONE); // a declared retry of 0 attempts does nothing anywhere
        if ((retries || e.fallback() != null) && n.type() != NodeType.CALL && n.type() != NodeType.MELODY) {
            problems.add(new Problem(n.path() + ".onError", "retry and fallback apply to call and melody nodes"));
        }
        if (retries) {
            v.templates(e.retry().input(), n.path() + ".onError.retry.input", Set.of(), scope, problems);
        }
        ErrorStrategy.Fallback fb = e.fallback();
        if (fb != null) {
            capability(fb.extension(), fb.capability(), null, n.path() + ".onError.fallback");
            v.templates(fb.input(), n.path() + ".onError.fallback.input", Set.of(), scope, problems);
        }
    }

    private void gate(NodeSpec.Gate g) {
        if (g == null) {
            return;
        }
        if (g.schema() != null) {
            try {
                MelodySchema.compile(g.schema());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(n.path() + ".gate.schema", e.getMessage()));
            }
        }
        if (g.score() != null) {
            v.expression(g.score(), n.path() + ".gate.score", Set.of("output"), scope, problems);
        } else if (g.minScore() > 0) {
            problems.add(new Problem(n.path() + ".gate", "minScore needs a 'score' expression"));
        }
    }

    /**
     * Only a call's output is checked by a gate: on another kind the gate would be silently ignored. The one rule
     * that reads the file, not a record: no record of those kinds has a place for a gate.
     */
    private void gateOnCallsOnly() {
        if (n.type() != NodeType.CALL && n.json().has("gate")) {
            problems.add(new Problem(n.path() + ".gate", "only call nodes have a quality gate ('" + n.id() + "' is of type "
                    + n.type().jsonName() + ")"));
        }
    }

    private void cancels() {
        for (String c : n.cancels()) {
            if (c.equals("*")) {
                continue;
            }
            if (!byId.containsKey(c)) {
                problems.add(new Problem(n.path() + ".cancels", "unknown node '" + c + "'" + MelodyValidator.suggestion(c, byId.keySet())));
            } else if (c.equals(n.id())) {
                problems.add(new Problem(n.path() + ".cancels", "a node cannot cancel itself"));
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }
}
