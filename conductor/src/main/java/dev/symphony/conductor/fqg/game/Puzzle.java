package dev.symphony.conductor.fqg.game;

import java.util.List;

/**
 * One generated puzzle: functions in topological order (the last one produces the goal type), the input
 * value fed to the source functions, the goal value the composition must produce, the concurrency limit
 * ({@code slots}: attempts running at once), the budget (total cost that may be charged) and the deadline
 * (simulated time). The graph facts every policy may use are precomputed in {@link #graph()}.
 */
public final class Puzzle {
    private final String preset;
    private final long seed;
    private final List<FunctionSpec> functions;
    private final long inputValue;
    private final long goalValue;
    private final int slots;
    private final double budget;
    private final double deadline;
    private final PuzzleGraph graph;

    public Puzzle(String preset, long seed, List<FunctionSpec> functions, long inputValue, long goalValue,
                  int slots, double budget, double deadline) {
        this.preset = preset;
        this.seed = seed;
        this.functions = List.copyOf(functions);
        this.inputValue = inputValue;
        this.goalValue = goalValue;
        this.slots = slots;
        this.budget = budget;
        this.deadline = deadline;
        if (slots < 1 || !(budget > 0) || !(deadline > 0)) {
            throw new IllegalArgumentException("invalid limits: slots=" + slots + " budget=" + budget
                    + " deadline=" + deadline);
        }
        this.graph = new PuzzleGraph(this.functions);
    }

    public String preset() { return preset; }
    public long seed() { return seed; }
    public List<FunctionSpec> functions() { return functions; }
    public int size() { return functions.size(); }
    public FunctionSpec function(int index) { return functions.get(index); }
    /** The function whose output is the goal (always the last one). */
    public int goalIndex() { return functions.size() - 1; }
    public long inputValue() { return inputValue; }
    public long goalValue() { return goalValue; }
    public int slots() { return slots; }
    public double budget() { return budget; }
    public double deadline() { return deadline; }
    public PuzzleGraph graph() { return graph; }

    /** Evaluates the composition directly (no scheduling): the value the goal function must produce. */
    public static long evaluate(List<FunctionSpec> functions, long inputValue) {
        long[] values = new long[functions.size()];
        for (int i = 0; i < functions.size(); i++) {
            values[i] = functions.get(i).apply(inputsOf(functions.get(i), values, inputValue));
        }
        return values[functions.size() - 1];
    }

    /** The input values of {@code f} given the values computed so far. */
    public static long[] inputsOf(FunctionSpec f, long[] values, long inputValue) {
        int n = f.predecessorCount();
        if (n == 0) {
            return new long[] {inputValue};
        }
        long[] in = new long[n];
        for (int i = 0; i < n; i++) {
            in[i] = values[f.predecessor(i)];
        }
        return in;
    }
}
