package dev.symphony.contract.manifest;

import java.util.List;
import java.util.stream.Collectors;

/** A manifest was rejected; each {@link Problem} names the JSON path of what is wrong. */
public final class ManifestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final transient List<Problem> problems;

    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    public ManifestException(String source, List<Problem> problems) {
        super("invalid extension manifest " + source + ":\n" + problems.stream().map(p -> "  " + p)
                .collect(Collectors.joining("\n")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
