package dev.symphony.pit.pool.api;

/**
 * Lifecycle of one model instance in the pool.
 *
 * <pre>
 *            +-----------------------------------------------+
 *            v                                               |
 *   IDLE -> LOADING -> WARM -> ACTIVE -> COOLDOWN -> IDLE     |
 *                       ^  \             |   |                |
 *                       |   +-> IDLE     |   +-> ACTIVE (reused before the cooldown ended)
 *                       +----------------+ (kept warm: predicted to be needed again)
 *   any of LOADING, WARM, ACTIVE, COOLDOWN -> FAILED -> IDLE (recovered / host restarted)
 * </pre>
 *
 * A model is <em>resident</em> (its memory and VRAM count against the budgets) in LOADING, WARM, ACTIVE and
 * COOLDOWN. Only WARM and COOLDOWN models without tasks may be evicted.
 */
public enum ModelState {
    IDLE, LOADING, WARM, ACTIVE, COOLDOWN, FAILED;

    private static final ModelState[] VALUES = values();

    /** Transition table indexed [from][to]; the one place the lifecycle is defined. */
    private static final boolean[][] LEGAL = new boolean[VALUES.length][VALUES.length];

    static {
        allow(IDLE, LOADING);
        allow(LOADING, WARM, FAILED);
        allow(WARM, ACTIVE, IDLE, FAILED);
        allow(ACTIVE, COOLDOWN, FAILED);
        allow(COOLDOWN, ACTIVE, WARM, IDLE, FAILED);
        allow(FAILED, IDLE);
    }

    private static void allow(final ModelState from, final ModelState... to) {
        for (final ModelState t : to) {
            LEGAL[from.ordinal()][t.ordinal()] = true;
        }
    }

    /** True when the lifecycle allows going from this state straight to {@code next}. */
    public boolean canTransitionTo(final ModelState next) {
        return LEGAL[ordinal()][next.ordinal()];
    }

    /** True when the model occupies memory/VRAM in this state. */
    public boolean isResident() {
        return this == LOADING || this == WARM || this == ACTIVE || this == COOLDOWN;
    }

    /** Allocation-free lookup by ordinal (used by the primitive tables). */
    public static ModelState fromOrdinal(final int ordinal) {
        return VALUES[ordinal];
    }
}
