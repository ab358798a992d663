package dev.symphony.conductor.fqg.game;

import java.util.ArrayList;
import java.util.List;

/**
 * Static facts about a puzzle's graph, computed once: successors, and the critical-path quantities every
 * policy may use. Durations here are optimistic references: a function's fastest expected time to success
 * over its Instruments. {@code tail(i)} is the longest reference path from the start of {@code i} to the end
 * of the goal; {@code head(i)} the longest path before {@code i} can start; {@code criticalPath()} the
 * longest path overall.
 */
public final class PuzzleGraph {
    private final int[][] predecessors;
    private final int[][] successors;
    private final double[] reference;
    private final double[] tail;
    private final double[] head;
    private final int[] descendants;
    private final double criticalPath;
    private final double meanCheapestCost;

    PuzzleGraph(List<FunctionSpec> functions) {
        int n = functions.size();
        predecessors = new int[n][];
        List<List<Integer>> succ = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>());
        }
        reference = new double[n];
        double costSum = 0;
        for (int i = 0; i < n; i++) {
            FunctionSpec f = functions.get(i);
            predecessors[i] = f.predecessors();
            for (int p : predecessors[i]) {
                if (p < 0 || p >= i) {
                    throw new IllegalArgumentException(f.name() + " depends on " + p + ", not an earlier function");
                }
                succ.get(p).add(i);
            }
            double fastest = Double.MAX_VALUE;
            double cheapest = Double.MAX_VALUE;
            for (Instrument ins : f.instruments()) {
                fastest = Math.min(fastest, ins.expectedTimeToSuccess());
                cheapest = Math.min(cheapest, ins.expectedCostToSuccess());
            }
            reference[i] = fastest;
            costSum += cheapest;
        }
        successors = new int[n][];
        for (int i = 0; i < n; i++) {
            successors[i] = succ.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        head = new double[n];
        for (int i = 0; i < n; i++) {
            for (int p : predecessors[i]) {
                head[i] = Math.max(head[i], head[p] + reference[p]);
            }
        }
        tail = new double[n];
        descendants = new int[n];
        boolean[] seen = new boolean[n];
        for (int i = n - 1; i >= 0; i--) {
            double best = 0;
            for (int s : successors[i]) {
                best = Math.max(best, tail[s]);
            }
            tail[i] = reference[i] + best;
            descendants[i] = countDescendants(i, seen);
        }
        double cp = 0;
        for (int i = 0; i < n; i++) {
            cp = Math.max(cp, head[i] + tail[i]);
        }
        criticalPath = cp;
        meanCheapestCost = costSum / n;
    }

    private int countDescendants(int start, boolean[] seen) {
        java.util.Arrays.fill(seen, false);
        int count = 0;
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            for (int s : successors[stack.pop()]) {
                if (!seen[s]) {
                    seen[s] = true;
                    count++;
                    stack.push(s);
                }
            }
        }
        return count;
    }

    public int[] predecessors(int i) { return predecessors[i]; }
    public int[] successors(int i) { return successors[i]; }
    /** Fastest expected time to success of function {@code i} over its Instruments. */
    public double reference(int i) { return reference[i]; }
    public double tail(int i) { return tail[i]; }
    public double head(int i) { return head[i]; }
    public int descendants(int i) { return descendants[i]; }
    public double criticalPath() { return criticalPath; }
    /** Mean over functions of the cheapest expected cost to success: the unit costs are measured in. */
    public double meanCheapestCost() { return meanCheapestCost; }
}
