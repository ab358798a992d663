package dev.symphony.editor.tree;

/**
 * How items of type {@code T} are summarised and how summaries combine. {@link #combine} must be
 * associative with {@link #identity()} as its neutral element (a monoid); it need not be additive
 * (the rope's line count, for instance, merges a CR at the end of one chunk with an LF that starts
 * the next).
 */
public interface SummarySpec<T, S> {

    S summarize(T item);

    S identity();

    S combine(S left, S right);

    /**
     * The summary of a node after its kid {@code i} changed from {@code oldKid} to {@code sums[i]},
     * given its old {@code total}: lets a monoid with inverses update in O(1) instead of recombining
     * every kid. Returns null when not possible (the default), and the tree recombines.
     */
    default S replaceKid(S total, Object[] sums, int i, S oldKid) {
        return null;
    }

    /**
     * An optional flat copy of a node's kid summaries for {@link PackedSeeker}s (e.g. an {@code int[]}
     * of the dimensions seeks use). Null (the default) means seeks read the summary objects.
     */
    default Object pack(Object[] sums) {
        return null;
    }

    /** Combines {@code sums[from..to)}; override to avoid one allocation per step. */
    @SuppressWarnings("unchecked")
    default S combineAll(Object[] sums, int from, int to) {
        S acc = identity();
        for (int i = from; i < to; i++) {
            acc = combine(acc, (S) sums[i]);
        }
        return acc;
    }
}
