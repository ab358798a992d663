package dev.symphony.pit.arbitration.api;

import java.util.List;

/**
 * The most recent decisions, kept in a preallocated ring (older ones are overwritten). The arbiter writes
 * without allocating; readers build records off the hot path, from any thread.
 */
public interface DecisionLog {
    /** Sequence number of the newest decision (0 before the first). */
    long lastSequence();

    /** How many decisions the ring holds. */
    int capacity();

    /** The decision with this sequence, or null if it was overwritten, not yet written or being written. */
    DecisionRecord read(long sequence);

    /** Every decision still held with a sequence greater than {@code afterSequence}, oldest first. */
    List<DecisionRecord> readSince(long afterSequence);
}
