package dev.symphony.pit.arbitration.api;

import dev.symphony.pit.arbitration.internal.DefaultArbiter;

/**
 * Resolves conflicts over shared resources (model slots, files, the GPU, budgets) by a {@link Strategy} over
 * multi-dimensional scores, with a starvation bound, logging every decision's rationale. Driven directly by the
 * caller: {@link #decide} is a plain method call that allocates nothing. Single-threaded (the log may be read
 * from any thread).
 */
public interface Arbiter {

    static Arbiter create(final ArbiterContext context) {
        return new DefaultArbiter(context.conclude());
    }

    /** Registers a requester (an agent, a Melody run, a task...); returns its id. */
    int registerRequester(String name);

    /**
     * Registers a resource; returns its id.
     *
     * @param capacity             how many contenders may hold it at once (COLLABORATIVE grants up to this many)
     * @param requiredCapabilities capability bits a specialist should offer (0 = none)
     * @param defaultStrategy      used when a contention does not name one
     */
    int registerResource(ResourceKind kind, String name, int capacity, long requiredCapabilities,
        Strategy defaultStrategy);

    /** A new reusable contention sized for {@link ArbiterContext#maxContenders()}. */
    Contention newContention();

    /**
     * Decides the conflict; the outcome is written into {@code contention} and logged.
     *
     * @return the (first) winner's requester id
     */
    int decide(Contention contention);

    /** Replaces the scoring weights (e.g. after the user edits settings). */
    void weights(ScoringWeights weights);

    ScoringWeights weights();

    /** Decisions on {@code resource} that {@code requester} has lost in a row. */
    int waited(int resource, int requester);

    /** The requester gave up on the resource: its wait is cleared. */
    void withdraw(int resource, int requester);

    DecisionLog log();

    String requesterName(int requester);

    String resourceName(int resource);
}
