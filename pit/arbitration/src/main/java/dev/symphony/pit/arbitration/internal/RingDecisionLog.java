package dev.symphony.pit.arbitration.internal;

import dev.symphony.pit.arbitration.api.ContenderScore;
import dev.symphony.pit.arbitration.api.DecisionLog;
import dev.symphony.pit.arbitration.api.DecisionRecord;
import dev.symphony.pit.arbitration.api.ResourceKind;
import dev.symphony.pit.arbitration.api.ScoringWeights;
import dev.symphony.pit.arbitration.api.Strategy;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

import static dev.symphony.pit.arbitration.internal.DecisionLogDescriptor.*;

/**
 * The decision log: a ring of fixed-size slots in one preallocated off-heap buffer (layout in
 * {@link DecisionLogDescriptor}). One writer (the arbiter's thread); readers anywhere. Each slot is a seqlock:
 * the writer marks it {@code -sequence}, writes the body, then publishes {@code sequence} with release
 * semantics; a reader accepts a slot only if it sees the same sequence before and after copying it out.
 */
final class RingDecisionLog implements DecisionLog {
    private final UnsafeBuffer buffer;
    private final int slotLength;
    private final int mask;
    private final DefaultArbiter names;
    private volatile long lastSequence;

    RingDecisionLog(final int capacity, final int maxContenders, final DefaultArbiter names) {
        slotLength = slotLength(maxContenders);
        mask = capacity - 1;
        buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(capacity * slotLength, 64));
        this.names = names;
    }

    private int offset(final long sequence) {
        return (int)((sequence - 1) & mask) * slotLength;
    }

    /** Opens a slot for writing; returns its offset. */
    int begin(final long sequence, final long epochMillis, final int resource, final int kind, final int strategy,
        final boolean fallback, final int winnerCount, final int contenderCount, final double[] weights) {
        final int o = offset(sequence);
        buffer.putLongRelease(o + SEQUENCE, -sequence);
        VarHandle.storeStoreFence(); // the body must not become visible before the "being written" mark
        buffer.putLong(o + EPOCH_MILLIS, epochMillis);
        buffer.putInt(o + RESOURCE, resource);
        buffer.putByte(o + KIND, (byte)kind);
        buffer.putByte(o + STRATEGY, (byte)strategy);
        buffer.putByte(o + FLAGS, (byte)(fallback ? FLAG_FALLBACK : 0));
        buffer.putByte(o + WINNER_COUNT, (byte)winnerCount);
        buffer.putInt(o + CONTENDER_COUNT, contenderCount);
        for (int d = 0; d < 4; d++) {
            buffer.putFloat(o + WEIGHTS + d * 4, (float)weights[d]);
        }
        return o;
    }

    void contender(final int slotOffset, final int index, final int requester, final double bv, final double ui,
        final double ce, final double lv, final double score, final double bonus, final double fit, final int waited,
        final double share, final boolean won, final boolean starving, final int rank) {
        final int o = slotOffset + HEADER_LENGTH + index * CONTENDER_LENGTH;
        buffer.putInt(o + C_REQUESTER, requester);
        buffer.putFloat(o + C_DIMENSIONS, (float)bv);
        buffer.putFloat(o + C_DIMENSIONS + 4, (float)ui);
        buffer.putFloat(o + C_DIMENSIONS + 8, (float)ce);
        buffer.putFloat(o + C_DIMENSIONS + 12, (float)lv);
        buffer.putFloat(o + C_SCORE, (float)score);
        buffer.putFloat(o + C_BONUS, (float)bonus);
        buffer.putFloat(o + C_FIT, (float)fit);
        buffer.putInt(o + C_WAITED, waited);
        buffer.putFloat(o + C_SHARE, (float)share);
        buffer.putInt(o + C_FLAGS, (won ? FLAG_WON : 0) | (starving ? FLAG_STARVING : 0));
        buffer.putInt(o + C_RANK, rank);
    }

    void commit(final int slotOffset, final long sequence) {
        buffer.putLongRelease(slotOffset + SEQUENCE, sequence);
        lastSequence = sequence;
    }

    @Override
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public int capacity() {
        return mask + 1;
    }

    @Override
    public DecisionRecord read(final long sequence) {
        if (sequence <= 0) {
            return null;
        }
        final int o = offset(sequence);
        if (buffer.getLongVolatile(o + SEQUENCE) != sequence) {
            return null;
        }
        // Copy the raw slot first and interpret it only once the sequence proves it was not overwritten
        // meanwhile: a torn copy must never reach a constructor that validates.
        final byte[] copy = new byte[slotLength];
        buffer.getBytes(o, copy);
        VarHandle.acquireFence(); // the copy must complete before the second look at the sequence
        if (buffer.getLongVolatile(o + SEQUENCE) != sequence) {
            return null;
        }
        return decode(new UnsafeBuffer(copy), sequence);
    }

    private DecisionRecord decode(final UnsafeBuffer slot, final long sequence) {
        final int resource = slot.getInt(RESOURCE);
        final int winnerCount = slot.getByte(WINNER_COUNT) & 0xFF;
        final int count = slot.getInt(CONTENDER_COUNT);
        final ScoringWeights weights = new ScoringWeights(slot.getFloat(WEIGHTS), slot.getFloat(WEIGHTS + 4),
            slot.getFloat(WEIGHTS + 8), slot.getFloat(WEIGHTS + 12));
        final List<ContenderScore> contenders = new ArrayList<>(count);
        final Integer[] winners = new Integer[winnerCount];
        for (int i = 0; i < count; i++) {
            final int c = HEADER_LENGTH + i * CONTENDER_LENGTH;
            final int requester = slot.getInt(c + C_REQUESTER);
            final int flags = slot.getInt(c + C_FLAGS);
            final int rank = slot.getInt(c + C_RANK);
            if (rank >= 0) {
                winners[rank] = requester;
            }
            contenders.add(new ContenderScore(requester, names.requesterName(requester),
                slot.getFloat(c + C_DIMENSIONS), slot.getFloat(c + C_DIMENSIONS + 4),
                slot.getFloat(c + C_DIMENSIONS + 8), slot.getFloat(c + C_DIMENSIONS + 12),
                slot.getFloat(c + C_SCORE), slot.getFloat(c + C_BONUS), slot.getFloat(c + C_FIT),
                slot.getInt(c + C_WAITED), (flags & FLAG_STARVING) != 0, (flags & FLAG_WON) != 0,
                slot.getFloat(c + C_SHARE)));
        }
        return new DecisionRecord(sequence, slot.getLong(EPOCH_MILLIS), resource, names.resourceName(resource),
            ResourceKind.fromOrdinal(slot.getByte(KIND)), Strategy.fromOrdinal(slot.getByte(STRATEGY)),
            (slot.getByte(FLAGS) & FLAG_FALLBACK) != 0, weights, List.copyOf(contenders), List.of(winners));
    }

    @Override
    public List<DecisionRecord> readSince(final long afterSequence) {
        final long last = lastSequence;
        final long first = Math.max(afterSequence + 1, last - mask);
        final List<DecisionRecord> records = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            final DecisionRecord record = read(s);
            if (record != null) {
                records.add(record);
            }
        }
        return records;
    }
}
