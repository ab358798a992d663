package dev.symphony.conductor.policy;

/**
 * A total order on a decision's candidates (negative: {@code a} runs before {@code b}), turned into scores
 * by {@link #scoreByRank}: exact lexicographic rules without packing several keys into one float.
 */
@FunctionalInterface
public interface CandidateOrder {
    int compare(Decision d, int a, int b);

    /** Scores = count - rank under {@code order} (insertion sort; decisions have tens of candidates). */
    static void scoreByRank(Decision d, float[] scores, CandidateOrder order, int[] scratch) {
        int n = d.count();
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j > 0 && order.compare(d, i, scratch[j - 1]) < 0) {
                scratch[j] = scratch[j - 1];
                j--;
            }
            scratch[j] = i;
        }
        for (int rank = 0; rank < n; rank++) {
            scores[scratch[rank]] = n - rank;
        }
    }

    /** Earlier-ready first. */
    static int byReadyOrder(Decision d, int a, int b) {
        return Long.compare(d.readyOrder(a), d.readyOrder(b));
    }

    /** Cheaper expected cost to success first, then the lower Instrument index. */
    static int byCheapest(Decision d, int a, int b) {
        int c = Float.compare(d.feature(a, CandidateFeatures.COST_TO_SUCCESS),
                d.feature(b, CandidateFeatures.COST_TO_SUCCESS));
        return c != 0 ? c : Integer.compare(d.instrument(a), d.instrument(b));
    }
}
