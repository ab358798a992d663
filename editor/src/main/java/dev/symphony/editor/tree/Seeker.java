package dev.symphony.editor.tree;

/**
 * A stateful search down a {@link SumTree}. The tree offers the seeker the summaries of consecutive
 * subtrees from left to right; the seeker either answers {@code true} ("the target is inside this
 * one", the tree descends into it) or accumulates the summary and answers {@code false} (the tree
 * skips it). Seekers are single-use and make no allocations of their own on the hot path.
 */
@FunctionalInterface
public interface Seeker<S> {

    boolean targetWithin(S summary);
}
