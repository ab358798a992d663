package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Melody (or a loop's body). {@code path} is the JSON path of this graph in its file ({@code $} for
 * the file, {@code $.nodes[3].body} for a loop body); {@code baseDir} resolves sub-Melody paths.
 */
public record Melody(String name, JsonNode json, List<MelodyNode> nodes, List<Connection> connections,
                     Limits limits, Path source, String path) {
    /** The format version this build reads and writes. */
    public static final int FORMAT_VERSION = 1;

    public record Limits(int maxConcurrency, long timeoutMs, double budget) {
        public static final Limits DEFAULT = new Limits(4, 0, Double.POSITIVE_INFINITY);
    }

    public Optional<MelodyNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Path baseDir() {
        Path parent = source == null ? null : source.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    public List<Connection> incoming(String id) {
        return connections.stream().filter(c -> c.to().equals(id)).toList();
    }

    public List<Connection> outgoing(String id) {
        return connections.stream().filter(c -> c.from().equals(id)).toList();
    }

    /** The nodes other nodes name as their {@code compensation}: they run only when a failure rolls the run back. */
    public java.util.Set<String> compensations() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (MelodyNode n : nodes) {
            String c = n.common().compensation();
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
