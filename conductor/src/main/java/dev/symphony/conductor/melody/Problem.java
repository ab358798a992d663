package dev.symphony.conductor.melody;

/** One thing wrong with a Melody: where (a JSON path such as {@code $.nodes[2].input.text}) and what. */
public record Problem(String path, String message) implements Comparable<Problem> {
    @Override
    public String toString() {
        return path + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
