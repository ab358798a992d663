package dev.symphony.pit.arbitration.api;

/**
 * One contender as the decision saw it.
 *
 * @param weightedScore the four dimensions combined with the normalized weights, in [0, 1]
 * @param agingBonus    bonus for decisions already lost on this resource
 * @param fit           specialization fit in [0, 1] (share of required capabilities offered × proficiency)
 * @param waited        decisions on this resource the contender had lost in a row before this one
 * @param starving      waited at least the starvation threshold: served first
 * @param won           whether it won
 * @param share         its share of the resource if it won
 */
public record ContenderScore(
    int requester,
    String requesterName,
    double businessValue,
    double userImpact,
    double costEfficiency,
    double learningValue,
    double weightedScore,
    double agingBonus,
    double fit,
    int waited,
    boolean starving,
    boolean won,
    double share) {
}
