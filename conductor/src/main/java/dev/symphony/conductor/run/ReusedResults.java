package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.Connection;
import dev.symphony.conductor.melody.Melody;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run started "from a node" takes over from an earlier run of the same Melody: the earlier run's
 * {@code node.finished} events of the top-level nodes that are neither the chosen nodes nor downstream of them
 * (the outputs are read back from the artifact store by id, exactly as a resume reads them). Nodes the Melody no
 * longer has are left out; a node whose earlier output cannot be read runs again.
 */
final class ReusedResults {
    private ReusedResults() {
    }

    /** The chosen nodes and everything reachable from them over the Melody's connections. */
    static Set<String> downstream(Melody melody, Set<String> from) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (out.add(id)) {
                for (Connection c : melody.outgoing(id)) {
                    todo.push(c.to());
                }
            }
        }
        return out;
    }

    /**
     * The earlier run's finished top-level nodes to reuse, in the order they finished, as the new run's
     * {@link RunEvent.NodeFinished} events (no time, no cost: nothing ran for them in the new run).
     */
    static List<RunEvent.NodeFinished> from(Path runsRoot, String earlierRunId, Melody melody, Set<String> rerun)
            throws IOException {
        Set<String> again = downstream(melody, rerun);
        List<RunEvent.NodeFinished> out = new ArrayList<>();
        try (RunJournal earlier = RunJournal.open(runsRoot, earlierRunId)) {
            for (JsonNode e : earlier.events()) {
                String node = e.path("node").asText("");
                if (e.path("type").asText().equals("node.finished") && !node.contains("/") && !again.contains(node)
                        && melody.node(node).isPresent() && e.has("artifactId")) {
                    out.add(new RunEvent.NodeFinished(node, e.path("artifactId").asLong(), 0, Money.ZERO,
                            "reused from run " + earlierRunId, e.path("branch").asText(null), null));
                }
            }
        }
        return out;
    }
}
