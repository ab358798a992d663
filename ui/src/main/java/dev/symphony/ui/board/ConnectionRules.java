package dev.symphony.ui.board;

import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.melody.MelodyDocument;
import dev.symphony.conductor.melody.Problem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether two ports may be connected, and if not, why: the ports must exist (an input node has no input port, an
 * output node no output port), and the connected Melody must not have problems the unconnected one did not have
 * — the conductor's own validator decides (self-connections, duplicates, cycles, compensation nodes), so the board
 * refuses exactly what a run would refuse.
 */
public final class ConnectionRules {
    private final MelodyReader reader;
    private final Path source;

    /** {@code source}: the Melody's file (for messages and sub-Melody paths), may be null. */
    public ConnectionRules(MelodyReader reader, Path source) {
        this.reader = reader;
        this.source = source;
    }

    /** Why {@code from → to} cannot be added to {@code text}; empty if it can. */
    public Optional<String> refusal(MelodyDocument text, BoardGraph graph, String from, String to) {
        BoardGraph.BoardNode a = graph.node(from);
        BoardGraph.BoardNode b = graph.node(to);
        if (a == null || b == null) {
            return Optional.of("no node '" + (a == null ? from : to) + "'");
        }
        if (a.outType() == null) {
            return Optional.of("'" + from + "' is an output node: it ends the run and has no output port");
        }
        if (b.inType() == null) {
            return Optional.of("'" + to + "' is an input node: its value comes from the run's inputs, it has no input port");
        }
        Set<String> before = problems(text.text());
        List<Problem> after = List.copyOf(problemList(MelodyEdits.connect(text, from, to).text()));
        for (Problem p : after) {
            if (!before.contains(p.message())) {
                return Optional.of(p.message());
            }
        }
        return Optional.empty();
    }

    private Set<String> problems(String text) {
        Set<String> out = new HashSet<>();
        problemList(text).forEach(p -> out.add(p.message()));
        return out;
    }

    private List<Problem> problemList(String text) {
        try {
            reader.parse(text, source);
            return List.of();
        } catch (InvalidMelodyException e) {
            return e.problems();
        }
    }
}
