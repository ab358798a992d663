package dev.symphony.conductor.fqg.game;

import java.util.List;

/**
 * A function of the puzzle: {@code name(inputTypes...) -> outputType}. Its value is
 * {@code (multiplier * sum(inputs) + offset) mod MODULUS}; inputs are the outputs of the functions
 * producing its input types ({@code predecessors}, same order), or the puzzle's input value for a source.
 */
public record FunctionSpec(String name, List<String> inputTypes, String outputType, int[] predecessors,
                           long multiplier, long offset, List<Instrument> instruments) {
    public static final long MODULUS = 1_000_003L;

    public FunctionSpec {
        inputTypes = List.copyOf(inputTypes);
        instruments = List.copyOf(instruments);
        predecessors = predecessors.clone();
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("function " + name + " has no instrument");
        }
    }

    /** The function's value given its inputs' values. */
    public long apply(long[] inputs) {
        long sum = 0;
        for (long v : inputs) {
            sum = (sum + v) % MODULUS;
        }
        return (multiplier * sum + offset) % MODULUS;
    }

    /** The signature as text, e.g. {@code f3(T0, T1) -> T3}. */
    public String signature() {
        return name + "(" + String.join(", ", inputTypes) + ") -> " + outputType;
    }

    @Override
    public int[] predecessors() {
        return predecessors.clone();
    }

    int predecessorCount() {
        return predecessors.length;
    }

    int predecessor(int i) {
        return predecessors[i];
    }
}
