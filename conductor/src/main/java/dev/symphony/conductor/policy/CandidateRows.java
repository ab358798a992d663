package dev.symphony.conductor.policy;

import static dev.symphony.conductor.policy.CandidateFeatures.*;

/**
 * The one definition of every feature's value ({@link CandidateFeatures}), used by the FQG simulator and by the
 * executor's real runs, so that a policy trained in the game reads the same meaning in a real run. Callers supply
 * the quantities in their own units (simulated time and cost in the game; milliseconds and the account's currency
 * in a run): every feature is a ratio of two of them. An unlimited budget or deadline reads as the limit of the
 * finite formula (budget and time left 1, urgency 0, reserve 1, lateness -1); a budget of 0 divides as 1e-9 (the
 * game's budgets are far above). Nothing here allocates.
 */
public final class CandidateRows {
    private CandidateRows() {
    }

    /** Expected time until one success, retrying on failure (geometric number of attempts). */
    public static double timeToSuccess(double latency, double failureRate) {
        return latency / Math.max(0.05, 1 - failureRate);
    }

    /** Expected cost until one success, retrying on failure. */
    public static double costToSuccess(double cost, double failureRate) {
        return cost / Math.max(0.05, 1 - failureRate);
    }

    /**
     * The Instrument's own features, {@code EXPECTED_DURATION} to {@code DEARER_THAN_CHEAPEST}, at {@code x[o + …]}.
     *
     * @param cp          the run's reference critical path (the longest path of fastest expected times to success)
     * @param unit        the run's unit cost (mean over nodes of the cheapest expected cost to success)
     * @param tail        the node's reference tail (from its start to the end of the run)
     * @param head        the longest reference path before the node can start
     * @param reference   the node's fastest expected time to success over its Instruments
     * @param cheapestCts the node's cheapest expected cost to success over its Instruments
     * @param descendants nodes that depend on this one, transitively, of {@code nodes}
     */
    public static void instrument(float[] x, int o, double latency, double failureRate, double cost, double cp,
                                  double unit, double tail, double head, double reference, double cheapestCts,
                                  int descendants, int nodes) {
        double ets = timeToSuccess(latency, failureRate);
        double cts = costToSuccess(cost, failureRate);
        x[o + EXPECTED_DURATION] = (float) (latency / cp);
        x[o + TIME_TO_SUCCESS] = (float) (ets / cp);
        x[o + COST] = (float) (cost / unit);
        x[o + COST_TO_SUCCESS] = (float) (cts / unit);
        x[o + FAILURE_RATE] = (float) failureRate;
        x[o + CRITICAL_TAIL] = (float) (tail / cp);
        x[o + SLACK] = (float) Math.max(0, (cp - head - tail) / cp);
        x[o + DESCENDANTS] = (float) descendants / nodes;
        x[o + SLOWER_THAN_FASTEST] = (float) Math.log(Math.max(1e-9, ets) / Math.max(1e-9, reference));
        x[o + DEARER_THAN_CHEAPEST] = (float) Math.log(Math.max(1e-9, cts) / Math.max(1e-9, cheapestCts));
    }

    /**
     * The features of the moment, {@code INSTRUMENT_FREE} to {@code TAIL_RANK}, at {@code x[o + …]}.
     *
     * @param capacity     attempts the Instrument may run at once; {@code busy} of them run now
     * @param openTail     the remaining reference critical path: the longest tail of a node not yet done
     * @param attempts     attempts of this node started so far (each failed, or it would not be ready)
     * @param ready        ready nodes now
     * @param maxReadyTail the longest tail of a ready node
     */
    public static void moment(float[] x, int o, int capacity, int busy, int freeSlots, int slots, double budgetLeft,
                              double budget, double timeLeft, double deadline, double openTail, int attempts, int ready,
                              double tail, double maxReadyTail) {
        x[o + INSTRUMENT_FREE] = (float) (capacity - busy) / capacity;
        x[o + SLOTS_FREE] = (float) freeSlots / slots;
        x[o + BUDGET_LEFT] = Double.isInfinite(budget) ? 1f : (float) (budgetLeft / Math.max(1e-9, budget));
        x[o + TIME_LEFT] = Double.isInfinite(deadline) ? 1f : (float) (timeLeft / deadline);
        x[o + URGENCY] = Double.isInfinite(deadline) ? 0f : (float) Math.min(4.0, openTail / Math.max(1e-9, timeLeft));
        x[o + FAILED_ATTEMPTS] = Math.min(1f, attempts / 3f);
        x[o + READY_PRESSURE] = Math.min(4f, (float) ready / slots);
        x[o + TAIL_RANK] = (float) (tail / maxReadyTail);
    }

    /** What the planning features read of the run: its nodes' state and reference plan, and the candidates' estimates. */
    public interface Plan {
        int nodes();

        /** Finished: it needs no more time nor money (in a real run also a skipped node). */
        boolean done(int node);

        boolean running(int node);

        double tail(int node);

        double reference(int node);

        double cheapestCostToSuccess(int node);

        /** Immediate successors of the node. */
        int successors(int node);

        /** Expected time to success of the candidate's Instrument. */
        double timeToSuccess(int candidate);

        /** Expected cost to success of the candidate's Instrument. */
        double costToSuccess(int candidate);
    }

    /**
     * The planning features, {@code TOP_LEVEL} to {@code GREEDY_PICK}: what list scheduling and the {@code greedy}
     * rule weigh, with greedy's own arithmetic, so {@code GREEDY_PICK} marks exactly greedy's choice. Greedy's score
     * is {@code costWeight}·(expected cost to success) + {@code timeWeight}·M + [M &gt; deadline]. Returns
     * {@code scores} (the greedy score per candidate), grown if it was too short.
     */
    public static double[] planning(Decision d, Plan p, double now, double budgetLeft, double budget, double deadline,
                                    double costWeight, double timeWeight, double[] scores) {
        int n = p.nodes();
        double reserveAll = 0; // cheapest expected cost to success of every node neither done nor running
        double first = 0; // largest and second largest reference finish (after now) of unfinished nodes
        double second = 0;
        int firstNode = -1;
        for (int j = 0; j < n; j++) {
            if (p.done(j)) {
                continue;
            }
            boolean running = p.running(j);
            if (!running) {
                reserveAll += p.cheapestCostToSuccess(j);
            }
            double finish = running ? p.tail(j) - p.reference(j) : p.tail(j);
            if (firstNode < 0 || finish > first) {
                second = Math.max(second, firstNode < 0 ? 0 : first);
                first = finish;
                firstNode = j;
            } else {
                second = Math.max(second, finish);
            }
        }
        int count = d.count();
        if (scores.length < count) {
            scores = new double[count * 2];
        }
        int top = 0;
        int maxSuccessors = 0;
        for (int c = 0; c < count; c++) {
            int i = d.node(c);
            maxSuccessors = Math.max(maxSuccessors, p.successors(i));
            if (p.tail(i) > p.tail(d.node(top)) || (p.tail(i) == p.tail(d.node(top)) && d.readyOrder(c) < d.readyOrder(top))) {
                top = c;
            }
        }
        int topNode = d.node(top);
        boolean unlimited = Double.isInfinite(budget);
        float[] x = d.features();
        for (int c = 0; c < count; c++) {
            int i = d.node(c);
            double bound = now + Math.max(0, i == firstNode ? second : first);
            double makespan = Math.max(bound, now + p.timeToSuccess(c) + p.tail(i) - p.reference(i));
            scores[c] = costWeight * p.costToSuccess(c) + timeWeight * makespan + (makespan > deadline ? 1 : 0);
            double reserve = budgetLeft - p.costToSuccess(c) - (reserveAll - p.cheapestCostToSuccess(i));
            int o = c * COUNT;
            x[o + TOP_LEVEL] = i == topNode ? 1f : 0f;
            x[o + SUCCESSORS] = maxSuccessors == 0 ? 0f : (float) p.successors(i) / maxSuccessors;
            x[o + RESERVE_AFTER] = unlimited ? 1f : (float) Math.max(-1, Math.min(1, reserve / Math.max(1e-9, budget)));
            x[o + PROJECTED_LATENESS] = Double.isInfinite(deadline) ? -1f
                    : (float) Math.max(-1, Math.min(1, (makespan - deadline) / deadline));
        }
        // Greedy: on the top node, the affordable candidate (with the reserve) of lowest score; else the cheapest.
        int pick = -1;
        int cheapest = -1;
        double best = 0;
        for (int c = 0; c < count; c++) {
            int i = d.node(c);
            if (c == 0 || d.node(c - 1) != i) { // a node's candidates are consecutive: the best score of this run of them
                best = scores[c];
                for (int k = c + 1; k < count && d.node(k) == i; k++) {
                    best = Math.min(best, scores[k]);
                }
            }
            x[c * COUNT + GREEDY_REGRET] = (float) Math.min(2, 10 * (scores[c] - best));
            if (i != topNode) {
                continue;
            }
            if (cheapest < 0 || d.feature(c, COST_TO_SUCCESS) < d.feature(cheapest, COST_TO_SUCCESS)) {
                cheapest = c;
            }
            if ((unlimited || p.costToSuccess(c) + (reserveAll - p.cheapestCostToSuccess(i)) <= budgetLeft)
                    && (pick < 0 || scores[c] < scores[pick])) {
                pick = c;
            }
        }
        x[(pick >= 0 ? pick : cheapest) * COUNT + GREEDY_PICK] = 1f;
        return scores;
    }
}
