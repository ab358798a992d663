package dev.symphony.editor.tree;

/**
 * A {@link Seeker} that can also read the flat form of a node's kid summaries made by
 * {@link SummarySpec#pack}: it returns the index of the kid to descend into (or {@code kids} when the
 * target lies beyond all of them), having accumulated every kid before it, exactly as a sequence
 * of {@link #targetWithin} calls would.
 */
public interface PackedSeeker<S> extends Seeker<S> {

    int pick(Object packed, int kids);
}
