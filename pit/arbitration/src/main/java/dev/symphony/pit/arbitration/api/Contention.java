package dev.symphony.pit.arbitration.api;

/**
 * A reusable, preallocated description of one conflict and, after {@link Arbiter#decide}, its outcome. Filling
 * and deciding allocate nothing: keep one per thread and {@link #reset} it for each conflict.
 */
public interface Contention {
    /** Starts a new conflict over {@code resource} using the resource's default strategy. */
    Contention reset(int resource);

    /** Starts a new conflict over {@code resource} using {@code strategy}. */
    Contention reset(int resource, Strategy strategy);

    /** Adds a contender scored on the four dimensions (each in [0, 1]). */
    Contention add(int requester, double businessValue, double userImpact, double costEfficiency,
        double learningValue);

    /**
     * Adds a contender with the capabilities it offers (bit set) and its proficiency in [0, 1], for
     * {@link Strategy#SPECIALIZATION}.
     */
    Contention add(int requester, double businessValue, double userImpact, double costEfficiency,
        double learningValue, long capabilities, double proficiency);

    int resource();

    Strategy strategy();

    int size();

    /** After a decision: how many contenders won (1, or up to the capacity for COLLABORATIVE). */
    int winnerCount();

    /** After a decision: the {@code i}-th winner's requester id, best first. */
    int winner(int i);

    /** After a decision: the {@code i}-th winner's share of the resource (shares sum to 1). */
    double share(int i);

    /** After a decision: its sequence number in the {@link DecisionLog}. */
    long sequence();
}
