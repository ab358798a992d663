package dev.symphony.conductor.fqg.simulator;

/**
 * How one episode ended. A failed episode's makespan is the deadline (it used up the clock, or was stopped
 * for lack of budget: either way the goal was not reached in time); reward uses that makespan.
 */
public record EpisodeResult(boolean success, Failure failure, double makespan, double cost, double reward,
                            int decisions, int attempts, int failedAttempts, long goalValue) {

    /** Why an episode failed. */
    public enum Failure {
        NONE,
        /** The deadline passed before the goal value was produced. */
        DEADLINE,
        /** Nothing was running and no ready function had an Instrument the remaining budget could pay. */
        BUDGET
    }
}
