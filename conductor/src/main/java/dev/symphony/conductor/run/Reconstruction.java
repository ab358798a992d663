package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.NodeCommon;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.expr.Template;
import dev.symphony.conductor.melody.expr.Values;
import dev.symphony.pit.artifact.api.ArtifactKind;
import dev.symphony.pit.artifact.api.Provenance;
import java.util.List;
import java.util.function.Function;

/**
 * The seed's reverse reconstruction: a node's output that is missing from the artifact store (purged by
 * retention, lost, or failing the store's integrity check on read) is regenerated from a later node's output
 * where the node declares how ({@code "reconstruct": {"from": LATER, "value": TEMPLATE}}), across several hops
 * when LATER's output is gone too and LATER declares its own. Used on resume
 * ({@link RunReplay}) and during a run, before a node activates ({@link Activation}).
 */
final class Reconstruction {
    private final MelodyRun run;

    Reconstruction(MelodyRun run) {
        this.run = run;
    }

    /** The node's declared source ({@code reconstruct.from}), or null. */
    static String source(MelodyNode node) {
        NodeCommon.Reconstruct r = node.common().reconstruct();
        return r == null ? null : r.from();
    }

    /**
     * Regenerates {@code node}'s output from its declared later node, whose artifact id {@code artifactOf} gives
     * (by node id); null if nothing is declared or the later output is unavailable too.
     */
    JsonNode regenerate(MelodyNode node, Function<String, Long> artifactOf) {
        int s = run.plan.graph.nodeId(node.id());
        if (s >= 0) { // the chain the DAG tracker's recovery planner computes along the reconstructible edges
            List<Integer> chain = run.tracker.reconstructionChain(s, v -> {
                MelodyNode n = run.plan.step(v).node();
                Long id = n == null ? null : artifactOf.apply(n.id());
                return id != null && available(id);
            });
            if (!chain.isEmpty()) {
                return along(chain, artifactOf);
            }
        }
        // A declared source that is not a direct connection has no edge to plan along: follow the declarations.
        return regenerate(node, artifactOf, run.plan.melody.nodes().size());
    }

    /** Regenerates backwards along {@code chain} (first: the missing node, last: the one whose output is there). */
    private JsonNode along(List<Integer> chain, Function<String, Long> artifactOf) {
        JsonNode value = read(artifactOf.apply(run.plan.step(chain.get(chain.size() - 1)).node().id()));
        for (int i = chain.size() - 2; i >= 0 && value != null; i--) {
            NodeCommon.Reconstruct r = run.plan.step(chain.get(i)).node().common().reconstruct();
            JsonNode later = value;
            try {
                value = Template.render(r.value(), root -> root.equals(r.from()) ? later : run.state.output(root).orElse(Values.NULL));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return value;
    }

    /**
     * Across several hops: when the later node's artifact is gone too and that node declares its own
     * reconstruction, its output is regenerated first (A from B from C), at most {@code hops} deep.
     */
    private JsonNode regenerate(MelodyNode node, Function<String, Long> artifactOf, int hops) {
        String from = source(node);
        if (from == null) {
            return null;
        }
        JsonNode later = read(artifactOf.apply(from));
        if (later == null && hops > 0) {
            later = run.plan.melody.node(from).map(n -> regenerate(n, artifactOf, hops - 1)).orElse(null);
        }
        if (later == null) {
            return null;
        }
        JsonNode source = later;
        try {
            return Template.render(node.common().reconstruct().value(),
                    root -> root.equals(from) ? source : run.state.output(root).orElse(Values.NULL));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private JsonNode read(Long id) {
        try {
            return id == null ? null : run.context.artifacts().readJson(id);
        } catch (RuntimeException gone) {
            return null;
        }
    }

    /** Stores a regenerated output (provenance {@code reconstructed:FROM}, derived from FROM's artifact). */
    long store(int s, JsonNode out, String producer, long[] derivedFrom, String reason) {
        String name = run.eventName(s);
        long now = run.context.clock().time();
        long id = run.context.artifacts().putJson("run/" + run.runId + "/" + name, ArtifactKind.INTERMEDIATE, out,
                new Provenance(producer, run.runId, name, now, now, 0), derivedFrom);
        run.events.emit(new RunEvent.ArtifactStored(name, id, "run/" + run.runId + "/" + name, "intermediate",
                run.context.artifacts().size(id), reason));
        return id;
    }

    /**
     * During a run the check is the store's metadata (present, not purged: what retention or a lost archive
     * does), not a verifying read of every input, which doubled the executor's per-node cost (see the
     * README); content that fails verification is caught when it is read back on resume.
     */
    private boolean available(long id) {
        return run.context.artifacts().available(id);
    }

    /**
     * During a run: every finished direct predecessor of {@code s} whose artifact is gone is regenerated
     * (declared reconstruction) or, with no declaration, its output still held by this run is stored again; each
     * is a {@code node.reconstructed} event. Returns false if a needed output is gone for good.
     */
    boolean ensureInputs(int s) {
        for (int i = 0; i < run.plan.graph.inDegree(s); i++) {
            int p = run.plan.graph.edgeSource(run.plan.graph.inEdge(s, i));
            while (run.plan.step(p).isGate() && run.plan.graph.inDegree(p) > 0) {
                p = run.plan.graph.edgeSource(run.plan.graph.inEdge(p, 0));
            }
            RunPlan.Step step = run.plan.step(p);
            Long id = run.state.artifactId(step.name());
            if (id == null || available(id)) {
                continue;
            }
            MelodyNode node = step.node();
            String from = source(node);
            JsonNode out = regenerate(node, n -> run.state.artifactId(n));
            long newId;
            String regeneratedFrom = null;
            String why;
            if (out != null) {
                newId = store(p, out, "reconstructed:" + from, new long[] {run.state.artifactId(from)},
                        "reverse reconstruction from " + from);
                regeneratedFrom = from;
                why = "artifact " + id + " unreadable; regenerated from " + from;
            } else if (run.state.output(step.name()).isPresent()) {
                out = run.state.output(step.name()).get();
                newId = store(p, out, "restored:" + run.eventName(p), new long[0], "restored from the run's memory");
                why = "artifact " + id + " unreadable and no usable reconstruct declaration; stored again from the run's memory";
            } else {
                run.onFailure(s, "the output of " + run.eventName(p) + " (artifact " + id + ") is gone and cannot be reconstructed");
                return false;
            }
            run.events.emit(new RunEvent.NodeReconstructed(run.eventName(p), regeneratedFrom, why, newId));
            run.state.replaced(node.id(), step.name(), out, newId);
        }
        return true;
    }
}
