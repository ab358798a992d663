package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.Connection;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.NodeType;
import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.GraphBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Melody compiled to a DAG-tracker graph. Mostly one DAG node per Melody node, plus:
 * <ul>
 * <li>a <em>gate</em> node {@code from?to} per {@code when} connection, completed with branch 0 (live) or 1
 *     (dead) once the condition is evaluated, so several conditional connections from one node can be live at
 *     once (multi-choice) and the join after them waits only for the live ones (synchronizing merge);</li>
 * <li>one instance {@code id#k} per incoming connection of a {@code join: each} node (multi-merge);</li>
 * <li>{@code join: first} (discriminator) incoming connections as OPTIONAL edges: the executor holds the node
 *     until the first source is done.</li>
 * </ul>
 * Compensation nodes are not in the graph: they run only inside a failing node's error handling.
 */
final class RunPlan {
    /** A DAG node: the Melody node it runs (null for a gate), and for a gate its connection. */
    record Step(int id, String name, MelodyNode node, Connection gate) {
        boolean isGate() {
            return gate != null;
        }
    }

    final Melody melody;
    final DagGraph graph;
    final List<Step> steps;
    /** DAG ids by Melody node id (several for a join: each node). */
    final Map<String, List<Integer>> idsOf = new HashMap<>();
    /** Static remaining critical path from each step (its expected ms plus its longest successor chain). */
    final double[] tailMs;
    final double criticalPathMs;

    private RunPlan(Melody melody, DagGraph graph, List<Step> steps, double[] tailMs) {
        this.melody = melody;
        this.graph = graph;
        this.steps = steps;
        this.tailMs = tailMs;
        double cp = 0;
        for (double t : tailMs) {
            cp = Math.max(cp, t);
        }
        this.criticalPathMs = Math.max(cp, 1e-3);
        for (Step s : steps) {
            if (s.node() != null) {
                idsOf.computeIfAbsent(s.node().id(), k -> new ArrayList<>()).add(s.id());
            }
        }
    }

    static RunPlan compile(Melody m, CapabilityCatalog catalog) {
        GraphBuilder b = new GraphBuilder();
        List<Step> steps = new ArrayList<>();
        java.util.Set<String> compensations = m.compensations();
        Map<String, List<String>> instances = new HashMap<>();
        for (MelodyNode n : m.nodes()) {
            if (compensations.contains(n.id())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            int copies = n.join().equals("each") ? m.incoming(n.id()).size() : 1;
            for (int k = 1; k <= copies; k++) {
                String name = copies == 1 ? n.id() : n.id() + "#" + k;
                names.add(name);
                int id = b.node(name, expectedNanos(n, catalog), n.essential());
                steps.add(new Step(id, name, n, null));
            }
            instances.put(n.id(), names);
        }
        Map<String, Integer> eachIndex = new HashMap<>();
        for (Connection c : m.connections()) {
            MelodyNode from = m.node(c.from()).orElseThrow();
            MelodyNode to = m.node(c.to()).orElseThrow();
            List<String> targets = instances.get(c.to());
            if (to.join().equals("each")) {
                int k = eachIndex.merge(c.to(), 1, Integer::sum) - 1;
                targets = List.of(targets.get(k));
            }
            EdgeKind kind = switch (c.kind()) {
                case SOFT -> EdgeKind.SOFT;
                case OPTIONAL -> EdgeKind.OPTIONAL;
                default -> to.join().equals("first") ? EdgeKind.OPTIONAL : EdgeKind.HARD;
            };
            for (String source : instances.get(c.from())) {
                for (String target : targets) {
                    if (c.when() != null) {
                        String gate = source + "?" + target;
                        int id = b.node(gate, 0, false);
                        steps.add(new Step(id, gate, null, c));
                        b.edge(source, gate, EdgeKind.HARD);
                        if (kind == EdgeKind.OPTIONAL) {
                            b.edge(gate, target, EdgeKind.OPTIONAL);
                        } else {
                            b.branch(gate, target, kind, 0);
                        }
                    } else if (c.branch() != null && kind != EdgeKind.OPTIONAL) {
                        b.branch(source, target, kind, from.branches().indexOf(c.branch()));
                    } else if (kind == EdgeKind.HARD && from.common().reconstruct() != null
                            && from.common().reconstruct().from().equals(c.to())) {
                        b.reconstructible(source, target); // the recovery planner walks these (reverse reconstruction)
                    } else {
                        b.edge(source, target, kind);
                    }
                }
            }
        }
        DagGraph g = b.build();
        steps.sort(java.util.Comparator.comparingInt(Step::id));
        double[] tail = new double[g.nodeCount()];
        for (int i = g.nodeCount() - 1; i >= 0; i--) {
            int n = g.topologicalOrder(i);
            double best = 0;
            for (int e = 0; e < g.outDegree(n); e++) {
                best = Math.max(best, tail[g.edgeTarget(g.outEdge(n, e))]);
            }
            tail[n] = g.expectedDurationNanos(n) / 1e6 + best;
        }
        return new RunPlan(m, g, List.copyOf(steps), tail);
    }

    /**
     * Expected duration: the manifest's p50 latency for calls (for a Maestro node the fastest provider's, which
     * the policy prefers on the critical path; 10 ms only when no manifest says), ~0 for built-ins.
     */
    private static long expectedNanos(MelodyNode n, CapabilityCatalog catalog) {
        if (n.type() == NodeType.CALL) {
            java.util.List<CapabilitySpec> providers = n.extension() != null
                    ? catalog.find(n.extension(), n.capability()).map(java.util.List::of).orElse(java.util.List.of())
                    : catalog.offering(n.capability(), n.call().kind());
            double ms = providers.stream().mapToDouble(CapabilitySpec::latencyP50Ms).filter(v -> v > 0).min().orElse(10.0);
            return (long) (ms * 1e6);
        }
        return n.type() == NodeType.LOOP || n.type() == NodeType.MELODY ? 50_000_000L : 10_000L;
    }

    Step step(int id) {
        return steps.get(id);
    }
}
