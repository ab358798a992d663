package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.Template;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The per-node rules of {@link MelodyValidator}: one instance per node checked. */
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
        Set<String> allowed = n.json().has("forEach") ? MelodyValidator.FOR_EACH_NAMES : Set.of();
        if (compensations.contains(n.id())) {
            allowed = union(allowed, Set.of("error", "compensated"));
        }
        if (n.common().awaits() != null && n.common().awaits().event() != null) {
            allowed = union(allowed, Set.of("event"));
        }
        for (int i = 0; i < n.field("preconditions").size(); i++) {
            v.expression(n.field("preconditions").get(i).asText(), n.path() + ".preconditions[" + i + "]", allowed, scope, problems);
        }
        switch (n.type()) {
            case CALL -> call(allowed);
            case INPUT -> input();
            case OUTPUT -> v.templates(n.field("value"), n.path() + ".value", allowed, scope, problems);
            case CONDITION -> condition();
            case LOOP -> loop();
            case APPROVAL -> {
                v.templates(n.field("prompt"), n.path() + ".prompt", allowed, scope, problems);
                v.templates(n.field("details"), n.path() + ".details", allowed, scope, problems);
            }
            case MELODY -> {
                v.templates(n.field("inputs"), n.path() + ".inputs", allowed, scope, problems);
                v.subMelody(n, m.baseDir(), problems);
            }
        }
        onError();
        compensation();
        awaits();
        gate();
        cancels();
        reconstruct();
        resources();
    }

    /** Only nodes that run on a worker (call, loop, melody) are scheduled, so only they can hold resources. */
    private void resources() {
        if (n.json().has("resources") && n.type() != NodeType.CALL && n.type() != NodeType.LOOP && n.type() != NodeType.MELODY) {
            problems.add(new Problem(n.path() + ".resources", "only call, loop and melody nodes hold resources; a "
                    + n.type().jsonName() + " node runs inline"));
        }
    }

    /** The later node must depend on this one (it is built from this node's output). */
    private void reconstruct() {
        JsonNode r = n.field("reconstruct");
        if (r.isMissingNode()) {
            return;
        }
        String from = r.path("from").asText();
        if (!byId.containsKey(from)) {
            problems.add(new Problem(n.path() + ".reconstruct.from", "unknown node '" + from + "'"
                    + MelodyValidator.suggestion(from, byId.keySet())));
            return;
        }
        if (!v.isUpstream(m, n.id(), from)) {
            problems.add(new Problem(n.path() + ".reconstruct.from", "'" + from + "' does not depend on '" + n.id()
                    + "': only a later node's output can reconstruct this one"));
        }
        v.templates(r.get("value"), n.path() + ".reconstruct.value", Set.of(from), new MelodyValidator.Scope(n.id(), byId, Set.of()),
                problems);
    }

    private void call(Set<String> allowed) {
        if (n.json().has("forEach")) {
            v.expression(n.text("forEach"), n.path() + ".forEach", Set.of(), scope, problems);
        }
        v.templates(n.field("input"), n.path() + ".input", allowed, scope, problems);
        Optional<CapabilitySpec> spec = capability(n.extension(), n.capability(), n.text("kind"), n.path());
        spec.ifPresent(s -> portTypes(s));
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
    private void portTypes(CapabilitySpec spec) {
        JsonNode input = n.field("input");
        JsonNode props = spec.inputSchema() == null ? null : spec.inputSchema().get("properties");
        if (!input.isObject() || props == null) {
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

    private void input() {
        JsonNode schema = n.json().get("schema");
        if (schema == null) {
            return;
        }
        try {
            var compiled = MelodySchema.compile(schema);
            if (n.json().has("default")) {
                problems.addAll(MelodySchema.problems(compiled, n.json().get("default"), n.path() + ".default"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(n.path() + ".schema", e.getMessage()));
        }
    }

    private void condition() {
        Set<String> branches = new HashSet<>();
        JsonNode cases = n.field("cases");
        for (int i = 0; i < cases.size(); i++) {
            v.expression(cases.get(i).path("when").asText(), n.path() + ".cases[" + i + "].when", Set.of(), scope, problems);
            if (!branches.add(cases.get(i).path("branch").asText())) {
                problems.add(new Problem(n.path() + ".cases[" + i + "].branch", "duplicate branch '"
                        + cases.get(i).path("branch").asText() + "'"));
            }
        }
    }

    private void loop() {
        Melody body = n.body();
        problems.addAll(new MelodyValidator(v.catalog()).validate(body));
        Set<String> bodyInputs = new HashSet<>();
        body.nodes().stream().filter(b -> b.type() == NodeType.INPUT).forEach(b -> bodyInputs.add(b.id()));
        JsonNode inputs = n.field("inputs");
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
        for (String f : List.of("until", "while")) {
            if (n.json().has(f)) {
                // The loop's condition reads the iteration's outputs by output node id (and iteration).
                v.expression(n.text(f), n.path() + "." + f, outputs,
                        new MelodyValidator.Scope(n.id(), Map.of(), Set.of()), problems);
            }
        }
        if (n.json().has("until") && n.json().has("while")) {
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
        if (n.field("onError").isMissingNode()) {
            return;
        }
        ErrorStrategy e = n.errorStrategy();
        ErrorStrategy.Then then = e.then();
        if (then == ErrorStrategy.Then.SKIP && n.essential()) {
            problems.add(new Problem(n.path() + ".onError.then", "skip is only for non-essential nodes: set \"essential\": false"
                    + " on '" + n.id() + "' or choose another strategy"));
        }
        if (n.field("onError").has("compensate")) {
            problems.add(new Problem(n.path() + ".onError.compensate", "'compensate' no longer names a substitute:"
                    + " for a substitute output use onError.fallback; to undo finished nodes when this one fails, give them"
                    + " a 'compensation' node and set \"then\": \"compensate\""));
        }
        boolean retries = n.field("onError").has("retry");
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

    private void gate() {
        JsonNode g = n.field("gate");
        if (g.isMissingNode()) {
            return;
        }
        if (g.has("schema")) {
            try {
                MelodySchema.compile(g.get("schema"));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(n.path() + ".gate.schema", e.getMessage()));
            }
        }
        if (g.has("score")) {
            v.expression(g.get("score").asText(), n.path() + ".gate.score", Set.of("output"), scope, problems);
        }
        if (g.has("minScore") && !g.has("score")) {
            problems.add(new Problem(n.path() + ".gate", "minScore needs a 'score' expression"));
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
