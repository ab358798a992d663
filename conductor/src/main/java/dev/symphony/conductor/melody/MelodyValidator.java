package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.ExprException;
import dev.symphony.conductor.melody.expr.Template;
import dev.symphony.pit.dag.api.CycleException;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.GraphBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic rules a JSON Schema cannot express, each problem with its JSON path: duplicate ids, unknown
 * node references (connections, templates, cancels, compensations), references to nodes that are not
 * upstream, cycles (named), branch labels, expressions that do not parse, unknown extensions and
 * capabilities (when a registry is available), type mismatches between connected ports, skip on an
 * essential node, sub-Melody files, trigger details.
 */
public final class MelodyValidator {
    /** Names a template may use besides node ids, by where it appears. */
    static final Set<String> FOR_EACH_NAMES = Set.of("item", "index");
    static final Set<String> LOOP_NAMES = Set.of("iteration", "previous");
    private final CapabilityCatalog catalog;
    /** Sub-Melody files being validated above this one (to report A -> B -> A instead of following it). */
    private final Set<Path> parents;
    private Set<Path> visiting = Set.of();

    public MelodyValidator(CapabilityCatalog catalog) {
        this(catalog, new HashSet<>());
    }

    private MelodyValidator(CapabilityCatalog catalog, Set<Path> parents) {
        this.catalog = catalog;
        this.parents = Set.copyOf(parents);
    }

    public List<Problem> validate(Melody m) {
        List<Problem> problems = new ArrayList<>();
        visiting = new HashSet<>(parents);
        if (m.source() != null) {
            visiting.add(m.source().toAbsolutePath().normalize());
        }
        graph(m, problems);
        triggers(m, problems);
        layout(m, problems);
        return problems;
    }

    /** A position in {@code layout} belongs to a node of this Melody (a stale one would be silently kept forever). */
    private static void layout(Melody m, List<Problem> problems) {
        JsonNode layout = m.json().path("layout");
        for (java.util.Iterator<String> ids = layout.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            if (m.node(id).isEmpty()) {
                problems.add(new Problem(m.path() + ".layout." + id, "no node '" + id + "' to place"));
            }
        }
    }

    private void graph(Melody m, List<Problem> problems) {
        Map<String, MelodyNode> byId = new HashMap<>();
        for (MelodyNode n : m.nodes()) {
            if (byId.putIfAbsent(n.id(), n) != null) {
                problems.add(new Problem(n.path() + ".id", "duplicate node id '" + n.id() + "'"));
            }
        }
        Set<String> compensations = m.compensations();
        GraphBuilder builder = new GraphBuilder();
        new java.util.LinkedHashSet<>(m.nodes().stream().map(MelodyNode::id).toList()).forEach(id -> builder.node(id, 0));
        Map<String, Set<String>> parents = new HashMap<>();
        Set<String> seenEdges = new HashSet<>();
        for (Connection c : m.connections()) {
            boolean ok = true;
            for (String end : List.of(c.from(), c.to())) {
                if (!byId.containsKey(end)) {
                    problems.add(new Problem(c.path() + (end.equals(c.from()) ? ".from" : ".to"),
                            "unknown node '" + end + "'" + suggestion(end, byId.keySet())));
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            if (c.from().equals(c.to())) {
                problems.add(new Problem(c.path(), "a node cannot connect to itself; use a loop node to repeat work"));
                continue;
            }
            if (!seenEdges.add(c.from() + "->" + c.to())) {
                problems.add(new Problem(c.path(), "duplicate connection " + c.from() + " -> " + c.to()));
                continue;
            }
            for (String end : List.of(c.from(), c.to())) {
                if (compensations.contains(end)) {
                    problems.add(new Problem(c.path(), "'" + end + "' is a compensation node (another node's 'compensation'): it runs"
                            + " only when a failure rolls the run back, so it cannot be connected"));
                }
            }
            MelodyNode from = byId.get(c.from());
            if (c.branch() != null && c.when() != null) {
                problems.add(new Problem(c.path(), "a connection has either 'branch' or 'when', not both"));
            }
            if (c.branch() != null && !from.branches().contains(c.branch())) {
                problems.add(new Problem(c.path() + ".branch", from.branches().isEmpty()
                        ? "'" + c.from() + "' is a " + from.type().jsonName() + " node and chooses no branches"
                        + " (only condition and approval nodes do; use 'when' for a condition on the output)"
                        : "'" + c.from() + "' has no branch '" + c.branch() + "'; it has " + String.join(", ", from.branches())));
            }
            if (c.when() != null) {
                expression(c.when(), c.path() + ".when", Set.of(), problems);
            }
            builder.edge(c.from(), c.to(), EdgeKind.HARD);
            parents.computeIfAbsent(c.to(), k -> new HashSet<>()).add(c.from());
        }
        boolean acyclic = true;
        try {
            builder.build();
        } catch (CycleException e) {
            acyclic = false;
            problems.add(new Problem(m.path() + ".connections", "cycle: " + String.join(" -> ", e.cycle()) + " -> "
                    + e.cycle().get(0) + " (Melodies are acyclic; repeat work with a loop node and an explicit bound)"));
        }
        for (MelodyNode n : m.nodes()) {
            Set<String> upstream = acyclic ? ancestors(n.id(), parents) : byId.keySet();
            if (acyclic && compensations.contains(n.id())) { // a compensation reads the nodes it undoes and their inputs
                upstream = new HashSet<>(upstream);
                for (MelodyNode undone : m.nodes()) {
                    if (n.id().equals(undone.common().compensation())) {
                        upstream.add(undone.id());
                        upstream.addAll(ancestors(undone.id(), parents));
                    }
                }
            }
            new NodeRules(this, m, n, byId, upstream, compensations, problems).check();
            int incoming = m.incoming(n.id()).size();
            if (!n.join().equals("all") && incoming < 2) {
                problems.add(new Problem(n.path() + ".join", "join '" + n.join() + "' needs at least two incoming"
                        + " connections, '" + n.id() + "' has " + incoming));
            }
        }
    }

    /** Expression syntax and references: known node ids or {@code allowed} names. */
    void expression(String text, String path, Set<String> allowed, List<Problem> problems) {
        expression(text, path, allowed, null, problems);
    }

    Expr expression(String text, String path, Set<String> allowed, Scope scope, List<Problem> problems) {
        Expr e;
        try {
            e = Expr.parse(text);
        } catch (ExprException ex) {
            problems.add(new Problem(path, "bad expression '" + text + "': " + ex.getMessage()));
            return null;
        }
        if (scope != null) {
            for (String root : e.roots()) {
                if (allowed.contains(root)) {
                    continue;
                }
                if (!scope.byId.containsKey(root)) {
                    problems.add(new Problem(path, "unknown node '" + root + "' in '" + text + "'"
                            + suggestion(root, scope.byId.keySet())));
                } else if (!scope.upstream.contains(root)) {
                    problems.add(new Problem(path, "'" + text + "' reads node '" + root + "', which is not upstream of '"
                            + scope.self + "' (add a connection " + root + " -> " + scope.self + ")"));
                }
            }
        }
        return e;
    }

    /** What a node's templates may reference. */
    record Scope(String self, Map<String, MelodyNode> byId, Set<String> upstream) {
    }

    void templates(JsonNode template, String path, Set<String> allowed, Scope scope, List<Problem> problems) {
        try {
            Template.forEachExpression(template, path, (at, text) -> expression(text, at, allowed, scope, problems));
        } catch (ExprException e) {
            problems.add(new Problem(path, e.getMessage()));
        }
    }

    /** True when {@code ancestor} is upstream of {@code node} in {@code m} (over its connections). */
    boolean isUpstream(Melody m, String ancestor, String node) {
        Map<String, Set<String>> parents = new HashMap<>();
        for (Connection c : m.connections()) {
            parents.computeIfAbsent(c.to(), k -> new HashSet<>()).add(c.from());
        }
        return ancestors(node, parents).contains(ancestor);
    }

    CapabilityCatalog catalog() {
        return catalog;
    }

    /** Validates a sub-Melody file (once per file along a chain, so A -> B -> A is reported, not followed). */
    void subMelody(MelodyNode n, String path, Path base, List<Problem> problems) {
        Path file = base.resolve(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(n.path() + ".path", "no such Melody file: " + file));
            return;
        }
        if (visiting.contains(file)) {
            problems.add(new Problem(n.path() + ".path", "sub-Melody cycle: " + file.getFileName() + " includes itself"));
            return;
        }
        try {
            new MelodyReader(catalog, new MelodyValidator(catalog, visiting)).read(file);
        } catch (InvalidMelodyException e) {
            e.problems().forEach(p -> problems.add(new Problem(n.path() + ".path", file.getFileName() + " " + p)));
        } catch (java.io.IOException e) {
            problems.add(new Problem(n.path() + ".path", "cannot read " + file + ": " + e.getMessage()));
        }
    }

    private static Set<String> ancestors(String id, Map<String, Set<String>> parents) {
        Set<String> out = new HashSet<>();
        List<String> work = new ArrayList<>(List.of(id));
        while (!work.isEmpty()) {
            for (String p : parents.getOrDefault(work.remove(work.size() - 1), Set.of())) {
                if (out.add(p)) {
                    work.add(p);
                }
            }
        }
        return out;
    }

    static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void triggers(Melody m, List<Problem> problems) {
        JsonNode ts = m.json().path("triggers");
        for (int i = 0; i < ts.size(); i++) {
            JsonNode t = ts.get(i);
            String at = "$.triggers[" + i + "]";
            switch (t.path("type").asText()) {
                case "scheduled": {
                    String p = Cron.problem(t.path("cron").asText());
                    if (p != null) {
                        problems.add(new Problem(at + ".cron", p));
                    }
                    break;
                }
                case "chained": {
                    Path after = m.baseDir().resolve(t.path("after").asText()).normalize();
                    if (!Files.isRegularFile(after)) {
                        problems.add(new Problem(at + ".after", "no such Melody file: " + after));
                    }
                    break;
                }
                case "event": {
                    String on = t.path("on").asText();
                    if (on.equals("melody.finished") && !t.hasNonNull("melody")) {
                        problems.add(new Problem(at, "a melody.finished trigger names the Melody ('melody')"));
                    }
                    if (on.equals("file.saved") && !t.hasNonNull("glob")) {
                        problems.add(new Problem(at, "a file.saved trigger names the files ('glob')"));
                    }
                    if (on.equals("extension.event")) {
                        if (!t.hasNonNull("extension") || !t.hasNonNull("event")) {
                            problems.add(new Problem(at, "an extension.event trigger names 'extension' and 'event'"));
                        } else if (catalog.available() && !catalog.hasExtension(t.get("extension").asText())) {
                            problems.add(new Problem(at + ".extension", "unknown extension '" + t.get("extension").asText() + "'"));
                        }
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }
}
