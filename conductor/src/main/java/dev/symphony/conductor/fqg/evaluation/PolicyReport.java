package dev.symphony.conductor.fqg.evaluation;

import java.util.Locale;

/**
 * One policy's results on an evaluation set: the fields of one {@code fqg eval} JSON line. The {@code ...Ci95}
 * fields are the half-widths of the 95 % confidence intervals of the means over the puzzles. {@code versus} and
 * {@code worseMakespanShare} (the share of puzzles on which this policy's makespan is above the reference
 * policy's) and {@code rewardVersus} (the mean of the per-puzzle reward differences, this policy's minus the
 * reference's, with the 95 % half-width of that paired mean: the same puzzles and luck make it far narrower than
 * the two policies' own intervals) are set by {@code fqg eval --versus P} only.
 */
public record PolicyReport(String policy, int puzzles, double successRate, double meanMakespan, double meanMakespanCi95,
                           double meanCost, double meanReward, double meanRewardCi95, double decisionP50Us,
                           double decisionP99Us, long heuristicFallbacks, String versus, double worseMakespanShare,
                           Interval rewardVersus) {

    /** This report with {@code other}'s latency figures: for comparing outcomes regardless of timing noise. */
    public PolicyReport withLatency(PolicyReport other) {
        return new PolicyReport(policy, puzzles, successRate, meanMakespan, meanMakespanCi95, meanCost, meanReward,
                meanRewardCi95, other.decisionP50Us, other.decisionP99Us, heuristicFallbacks, versus, worseMakespanShare, rewardVersus);
    }

    public PolicyReport named(String name) {
        return new PolicyReport(name, puzzles, successRate, meanMakespan, meanMakespanCi95, meanCost, meanReward,
                meanRewardCi95, decisionP50Us, decisionP99Us, heuristicFallbacks, versus, worseMakespanShare, rewardVersus);
    }

    public PolicyReport versus(String reference, double share, Interval rewardDifference) {
        return new PolicyReport(policy, puzzles, successRate, meanMakespan, meanMakespanCi95, meanCost, meanReward,
                meanRewardCi95, decisionP50Us, decisionP99Us, heuristicFallbacks, reference, share, rewardDifference);
    }

    public Interval reward() {
        return new Interval(meanReward, meanRewardCi95);
    }

    public Interval makespan() {
        return new Interval(meanMakespan, meanMakespanCi95);
    }

    public String toJson() {
        String json = String.format(Locale.ROOT, "{\"policy\":\"%s\",\"puzzles\":%d,\"successRate\":%.4f,"
                        + "\"meanMakespan\":%.3f,\"meanMakespanCi95\":%.3f,\"meanCost\":%.3f,\"meanReward\":%.4f,"
                        + "\"meanRewardCi95\":%.4f,\"decisionP50Us\":%.2f,\"decisionP99Us\":%.2f,\"heuristicFallbacks\":%d",
                policy, puzzles, successRate, meanMakespan, meanMakespanCi95, meanCost, meanReward, meanRewardCi95,
                decisionP50Us, decisionP99Us, heuristicFallbacks);
        if (versus != null) {
            json += String.format(Locale.ROOT, ",\"versus\":\"%s\",\"worseMakespanShare\":%.4f", versus, worseMakespanShare);
            if (rewardVersus != null) {
                json += String.format(Locale.ROOT, ",\"rewardVersus\":%.4f,\"rewardVersusCi95\":%.4f", rewardVersus.mean(),
                        rewardVersus.halfWidth());
            }
        }
        return json + "}";
    }

    public static String tableHeader(boolean versus) {
        return String.format(Locale.ROOT, "%-16s %8s %18s %9s %18s %10s %10s %9s%s%n", "policy", "success", "makespan ± ci95",
                "cost", "reward ± ci95", "p50 us", "p99 us", "fallbacks", versus ? "  worse-than-ref  reward-vs-ref ± ci95" : "");
    }

    public String tableRow() {
        return String.format(Locale.ROOT, "%-16s %8.3f %9.2f ± %6.2f %9.2f %9.4f ± %6.4f %10.2f %10.2f %9d%s%n", policy,
                successRate, meanMakespan, meanMakespanCi95, meanCost, meanReward, meanRewardCi95, decisionP50Us,
                decisionP99Us, heuristicFallbacks, versus == null ? "" : String.format(Locale.ROOT, "  %14.3f  %+8.4f ± %6.4f", worseMakespanShare,
                rewardVersus == null ? 0 : rewardVersus.mean(), rewardVersus == null ? 0 : rewardVersus.halfWidth()));
    }
}
