package dev.symphony.pit.pool.api;

/**
 * Why {@link PoolManager#allocate} refused. {@code allocate} returns {@link #code()} (a negative number) so that
 * the hot path allocates nothing; {@link PoolManager#lastRefusal()} gives the full story with the numbers.
 */
public enum RefusalReason {
    UNKNOWN_MODEL("no model is registered with this id"),
    MODEL_FAILED("the model is FAILED; recover it or restart its host first"),
    HOST_UNAVAILABLE("the model's extension host is not ACTIVE/MONITORING"),
    MODEL_CONCURRENCY_LIMIT("the model already serves its maximum number of concurrent tasks"),
    NO_FREE_SLOT("all pool slots are taken"),
    UNKNOWN_RUN("no open Melody run with this id (openRun first)"),
    RUN_BUDGET_EXCEEDED("the call would exceed the Melody run's budget"),
    WORKSPACE_BUDGET_EXCEEDED("the call would exceed the workspace's budget"),
    MEMORY_BUDGET_EXCEEDED("loading the model would exceed the memory budget even after evicting idle models"),
    VRAM_BUDGET_EXCEEDED("loading the model would exceed the VRAM budget even after evicting idle models");

    private static final RefusalReason[] VALUES = values();

    private final String meaning;

    RefusalReason(final String meaning) {
        this.meaning = meaning;
    }

    /** What the reason means, in words. */
    public String meaning() {
        return meaning;
    }

    /** The negative value {@link PoolManager#allocate} returns for this reason. */
    public int code() {
        return -(ordinal() + 1);
    }

    /** Decodes a negative result of {@link PoolManager#allocate}. */
    public static RefusalReason fromCode(final int code) {
        if (code >= 0 || -code > VALUES.length) {
            throw new IllegalArgumentException("not a refusal code: " + code);
        }
        return VALUES[-code - 1];
    }
}
