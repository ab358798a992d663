package dev.symphony.conductor.melody;

import java.util.List;
import java.util.stream.Collectors;

/** The Melody was rejected; {@link #problems()} lists every problem found, each with its JSON path. */
public final class InvalidMelodyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidMelodyException(String source, List<Problem> problems) {
        super(source + ": invalid Melody (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ")\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
