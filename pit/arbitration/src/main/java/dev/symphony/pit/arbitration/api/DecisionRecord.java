package dev.symphony.pit.arbitration.api;

import java.util.List;
import java.util.Locale;

/**
 * A logged decision with its rationale: inputs, scores, strategy and winners. Read off the hot path.
 *
 * @param fallback true when SPECIALIZATION found no eligible contender and PRIORITIZATION decided instead
 */
public record DecisionRecord(
    long sequence,
    long epochMillis,
    int resource,
    String resourceName,
    ResourceKind kind,
    Strategy strategy,
    boolean fallback,
    ScoringWeights weights,
    List<ContenderScore> contenders,
    List<Integer> winners) {

    /** One readable paragraph: why the winners won. */
    public String rationale() {
        final StringBuilder sb = new StringBuilder();
        sb.append("decision #").append(sequence).append(" on ").append(kind).append(" '").append(resourceName)
            .append("' by ").append(strategy).append(fallback ? " (no specialist: fell back to PRIORITIZATION)" : "")
            .append(String.format(Locale.ROOT, ", weights bv=%.2f ui=%.2f ce=%.2f lv=%.2f",
                weights.businessValue(), weights.userImpact(), weights.costEfficiency(), weights.learningValue()))
            .append(':');
        for (final ContenderScore c : contenders) {
            sb.append(String.format(Locale.ROOT, "%n  %s %s score=%.3f aging=%.3f fit=%.2f waited=%d%s",
                c.won() ? "WON " : "lost", c.requesterName(), c.weightedScore(), c.agingBonus(), c.fit(),
                c.waited(), c.starving() ? " STARVING(served first)" : ""));
            if (c.won()) {
                sb.append(String.format(Locale.ROOT, " share=%.2f", c.share()));
            }
        }
        return sb.toString();
    }
}
