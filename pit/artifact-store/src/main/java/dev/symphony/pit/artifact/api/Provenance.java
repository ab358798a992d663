package dev.symphony.pit.artifact.api;

import java.util.Objects;

/**
 * Who made an artifact and at what cost.
 *
 * @param producer    the extension (Instrument / Operator) or user that produced it, e.g. {@code "llm.claude"}
 * @param melodyRun   the Melody run it belongs to, or {@code ""} outside a run
 * @param node        the Melody node that produced it, or {@code ""}
 * @param startedAtMs when the producing step started (epoch ms)
 * @param finishedAtMs when it finished (epoch ms)
 * @param costMicros  what producing it cost, in micro-units of the workspace currency
 */
public record Provenance(String producer, String melodyRun, String node, long startedAtMs, long finishedAtMs,
                         long costMicros) {
    public Provenance {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(melodyRun, "melodyRun");
        Objects.requireNonNull(node, "node");
        if (costMicros < 0) {
            throw new IllegalArgumentException("costMicros must be >= 0 but was " + costMicros);
        }
    }

    /** Provenance of something a user or tool put in by hand, outside any run. */
    public static Provenance manual(String producer, long atMs) {
        return new Provenance(producer, "", "", atMs, atMs, 0);
    }
}
