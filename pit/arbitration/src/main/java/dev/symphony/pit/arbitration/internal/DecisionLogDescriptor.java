package dev.symphony.pit.arbitration.internal;

/**
 * Layout of one decision in the log ring: a fixed-size slot, so slot {@code (sequence - 1) & (capacity - 1)}
 * holds decision {@code sequence}. Little-endian, as written by {@link org.agrona.concurrent.UnsafeBuffer}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  sequence (long; 0 = empty, negative = being written)          |  0
 *  +---------------------------------------------------------------+
 *  |  epoch millis (long)                                          |  8
 *  +---------------------------------------------------------------+
 *  |  resource id (int)                                            | 16
 *  +---------------+---------------+---------------+---------------+
 *  | resource kind | strategy      | flags (1=fbk) | winner count  | 20
 *  +---------------+---------------+---------------+---------------+
 *  |  contender count (int)                                        | 24
 *  +---------------------------------------------------------------+
 *  |  weights: business, user, cost, learning (4 x float)          | 28..43
 *  +---------------------------------------------------------------+
 *  |  reserved (int)                                               | 44
 *  +---------------------------------------------------------------+
 *  |  contender 0 (CONTENDER_LENGTH bytes) ... contender n-1       | 48
 *  +---------------------------------------------------------------+
 *
 *  contender:  0 requester (int)       4 business value (float)  8 user impact (float)
 *             12 cost efficiency       16 learning value         20 weighted score (float)
 *             24 aging bonus (float)   28 fit (float)            32 waited (int)
 *             36 share (float)         40 flags (int: 1 won, 2 starving)
 *             44 winner rank (int; -1 for a loser)
 * </pre>
 */
final class DecisionLogDescriptor {
    static final int SEQUENCE = 0;
    static final int EPOCH_MILLIS = 8;
    static final int RESOURCE = 16;
    static final int KIND = 20;
    static final int STRATEGY = 21;
    static final int FLAGS = 22;
    static final int WINNER_COUNT = 23;
    static final int CONTENDER_COUNT = 24;
    static final int WEIGHTS = 28;
    static final int HEADER_LENGTH = 48;

    static final int C_REQUESTER = 0;
    static final int C_DIMENSIONS = 4;
    static final int C_SCORE = 20;
    static final int C_BONUS = 24;
    static final int C_FIT = 28;
    static final int C_WAITED = 32;
    static final int C_SHARE = 36;
    static final int C_FLAGS = 40;
    static final int C_RANK = 44;
    static final int CONTENDER_LENGTH = 48;

    static final int FLAG_FALLBACK = 1;
    static final int FLAG_WON = 1;
    static final int FLAG_STARVING = 2;

    private DecisionLogDescriptor() {
    }

    /** Slot length for {@code maxContenders}, rounded up to a cache line. */
    static int slotLength(final int maxContenders) {
        final int raw = HEADER_LENGTH + maxContenders * CONTENDER_LENGTH;
        return (raw + 63) & ~63;
    }
}
