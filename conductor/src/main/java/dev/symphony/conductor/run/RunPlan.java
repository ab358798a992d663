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
    /**
     * The reference plan, as the FQG game defines it ({@code PuzzleGraph}), from the estimates when the plan was made:
     * each step's reference duration (its fastest expected time to success over its providers, ms), its tail (that
     * plus its longest successor chain) and head (the longest chain before it can start).
     */
    final double[] referenceMs;
    final double[] tailMs;
    final double[] headMs;
    /** The reference critical path: the longest head + tail (ms). */
    final double criticalPathMs;
    /** Per step: worker steps (calls, loops, sub-Melodies) depending on it transitively, and the next ones (through gates and built-ins). */
    final int[] descendants;
    final int[] successors;
    /** Worker steps in the plan: the nodes the descendants are a share of. */
    final int workers;

    private RunPlan(Melody melody, DagGraph graph, List<Step> steps, double[] referenceMs) {
        this.melody = melody;
        this.graph = graph;
        this.steps = steps;
        this.referenceMs = referenceMs;
        int n = graph.nodeCount();
        tailMs = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            int v = graph.topologicalOrder(i);
            double best = 0;
            for (int e = 0; e < graph.outDegree(v); e++) {
                best = Math.max(best, tailMs[graph.edgeTarget(graph.outEdge(v, e))]);
            }
            tailMs[v] = referenceMs[v] + best;
        }
        headMs = new double[n];
        double cp = 0;
        for (int i = 0; i < n; i++) {
            int v = graph.topologicalOrder(i);
            for (int e = 0; e < graph.outDegree(v); e++) {
                int t = graph.edgeTarget(graph.outEdge(v, e));
                headMs[t] = Math.max(headMs[t], headMs[v] + referenceMs[v]);
            }
            cp = Math.max(cp, headMs[v] + tailMs[v]);
        }
        this.criticalPathMs = Math.max(cp, 1e-3);
        descendants = new int[n];
        successors = new int[n];
        int w = 0;
        for (int v = 0; v < n; v++) {
            w += isWorker(steps.get(v)) ? 1 : 0;
            descendants[v] = reach(v, false);
            successors[v] = reach(v, true);
        }
        this.workers = w;
        for (Step s : steps) {
            if (s.node() != null) {
                idsOf.computeIfAbsent(s.node().id(), k -> new ArrayList<>()).add(s.id());
            }
        }
    }

    private static boolean isWorker(Step s) {
        return s.node() != null && MelodyRun.isWorker(s.node());
    }

    /** Worker steps reachable from {@code from}; with {@code next}, only the first worker on each path. */
    private int reach(int from, boolean next) {
        boolean[] seen = new boolean[graph.nodeCount()];
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        todo.push(from);
        int count = 0;
        while (!todo.isEmpty()) {
            int v = todo.pop();
            for (int e = 0; e < graph.outDegree(v); e++) {
                int t = graph.edgeTarget(graph.outEdge(v, e));
                if (seen[t]) {
                    continue;
                }
                seen[t] = true;
                boolean worker = isWorker(steps.get(t));
                count += worker ? 1 : 0;
                if (!worker || !next) {
                    todo.push(t);
                }
            }
        }
        return count;
    }

    /** The plan with manifest estimates only (no statistics). */
    static RunPlan compile(Melody m, CapabilityCatalog catalog) {
        return compile(m, catalog, new Estimates(null));
    }

    static RunPlan compile(Melody m, CapabilityCatalog catalog, Estimates estimates) {
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
                int id = b.node(name, Math.round(referenceMs(n, catalog, estimates) * 1e6), n.essential());
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
        double[] reference = new double[g.nodeCount()];
        for (Step s : steps) {
            reference[s.id()] = s.node() == null ? 0 : referenceMs(s.node(), catalog, estimates);
        }
        return new RunPlan(m, g, List.copyOf(steps), reference);
    }

    /**
     * A node's reference duration: its fastest expected time to success over its providers (for a Maestro node the
     * fastest provider's, which the policy prefers on the critical path), 0.01 ms for built-ins.
     */
    private static double referenceMs(MelodyNode n, CapabilityCatalog catalog, Estimates estimates) {
        if (n.type() == NodeType.CALL) {
            java.util.List<CapabilitySpec> providers = n.extension() != null
                    ? catalog.find(n.extension(), n.capability()).map(java.util.List::of).orElse(java.util.List.of())
                    : catalog.offering(n.capability(), n.call().kind());
            double fastest = Double.MAX_VALUE;
            for (CapabilitySpec s : providers) {
                fastest = Math.min(fastest, estimates.timeToSuccess(s));
            }
            return providers.isEmpty() ? Estimates.unknownTimeToSuccess() : fastest;
        }
        return n.type() == NodeType.LOOP || n.type() == NodeType.MELODY ? estimates.timeToSuccess(Estimates.nested(n.type())) : 0.01;
    }

    Step step(int id) {
        return steps.get(id);
    }
}
