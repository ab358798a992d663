package dev.symphony.conductor.fqg.game;

/**
 * One way to run a function: an Instrument with its own expected latency (simulated time units per
 * attempt), cost charged when an attempt starts, probability that an attempt fails, and how many attempts
 * it may run at once ({@code capacity}; scarce fast Instruments have 1).
 */
public record Instrument(String name, double meanLatency, double cost, double failureRate, int capacity) {
    public Instrument {
        if (!(meanLatency > 0) || !(cost >= 0) || !(failureRate >= 0 && failureRate < 1) || capacity < 1) {
            throw new IllegalArgumentException("invalid instrument " + name + ": latency=" + meanLatency
                    + " cost=" + cost + " failureRate=" + failureRate + " capacity=" + capacity);
        }
    }

    /** Expected time until one success, retrying on failure (geometric number of attempts). */
    public double expectedTimeToSuccess() {
        return meanLatency / (1 - failureRate);
    }

    /** Expected cost until one success, retrying on failure. */
    public double expectedCostToSuccess() {
        return cost / (1 - failureRate);
    }
}
