package dev.symphony.conductor.fqg.evaluation;

import java.util.Locale;

/** One policy's results on an evaluation set: the fields of one {@code fqg eval} JSON line. */
public record PolicyReport(String policy, int puzzles, double successRate, double meanMakespan, double meanCost,
                           double meanReward, double decisionP50Us, double decisionP99Us, long heuristicFallbacks) {

    /** This report with {@code other}'s latency figures: for comparing outcomes regardless of timing noise. */
    public PolicyReport withLatency(PolicyReport other) {
        return new PolicyReport(policy, puzzles, successRate, meanMakespan, meanCost, meanReward, other.decisionP50Us,
                other.decisionP99Us, heuristicFallbacks);
    }

    public String toJson() {
        return String.format(Locale.ROOT, "{\"policy\":\"%s\",\"puzzles\":%d,\"successRate\":%.4f,"
                        + "\"meanMakespan\":%.3f,\"meanCost\":%.3f,\"meanReward\":%.4f,\"decisionP50Us\":%.2f,"
                        + "\"decisionP99Us\":%.2f,\"heuristicFallbacks\":%d}",
                policy, puzzles, successRate, meanMakespan, meanCost, meanReward, decisionP50Us, decisionP99Us,
                heuristicFallbacks);
    }

    public static String tableHeader() {
        return String.format(Locale.ROOT, "%-14s %8s %9s %9s %9s %9s %9s %9s%n", "policy", "success", "makespan",
                "cost", "reward", "p50 us", "p99 us", "fallbacks");
    }

    public String tableRow() {
        return String.format(Locale.ROOT, "%-14s %8.3f %9.2f %9.2f %9.4f %9.2f %9.2f %9d%n", policy, successRate,
                meanMakespan, meanCost, meanReward, decisionP50Us, decisionP99Us, heuristicFallbacks);
    }
}
