package dev.symphony.editor.tree;

import java.util.Arrays;

/**
 * One immutable tree node. At height 0 {@code kids} are items; above, they are {@link Node}s whose
 * heights are all {@code height - 1}. {@code sums[i]} caches the summary of {@code kids[i]};
 * {@code kidItems[i]} the item count under kid {@code i} (null at height 0, where it is 1); and
 * {@code packed} an optional spec-defined flat copy of the kid summaries ({@link SummarySpec#pack}),
 * so a seek reads one array per level instead of one summary object per kid (cache misses dominate
 * seeks in a large tree). Apart from that memo, a node never changes after construction.
 */
final class Node {

    final int height;
    final Object[] kids;
    final Object[] sums;
    final Object total;
    final int items;
    final int[] kidItems;
    /**
     * Memoised {@link SummarySpec#pack} of {@code sums}, made on a node's second seek (so the nodes a
     * burst of typing copies and soon replaces never pay for it). Volatile: a snapshot may be read on
     * several threads, and the array must be published whole; racing threads compute equal arrays.
     */
    volatile Object packed;
    /** Seeks through this node so far (a racy heuristic counter, exactness does not matter). */
    int seeks;

    private Node(int height, Object[] kids, Object[] sums, Object total, int items, int[] kidItems) {
        this.height = height;
        this.kids = kids;
        this.sums = sums;
        this.total = total;
        this.items = items;
        this.kidItems = kidItems;
    }

    static Node of(SummarySpec<?, ?> spec, int height, Object[] kids, Object[] sums) {
        int items;
        int[] kidItems = null;
        if (height == 0) {
            items = kids.length;
        } else {
            items = 0;
            kidItems = new int[kids.length];
            for (int i = 0; i < kids.length; i++) {
                kidItems[i] = ((Node) kids[i]).items;
                items += kidItems[i];
            }
        }
        return new Node(height, kids, sums, spec.combineAll(sums, 0, sums.length), items, kidItems);
    }

    /** A path copy where only kid {@code i} changed (from {@code oldKid}); nothing is recombined from scratch. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Node replaced(SummarySpec spec, Node old, Object[] kids, Object[] sums, int i, Object oldKid) {
        Object total = spec.replaceKid(old.total, sums, i, oldKid);
        if (total == null) {
            total = spec.combineAll(sums, 0, sums.length);
        }
        return new Node(old.height, kids, sums, total, old.items, old.kidItems);
    }

    static Node slice(SummarySpec<?, ?> spec, Node n, int from, int to) {
        return of(spec, n.height, Arrays.copyOfRange(n.kids, from, to), Arrays.copyOfRange(n.sums, from, to));
    }

    /** Number of items in kid {@code i}. */
    int itemsIn(int i) {
        return kidItems == null ? 1 : kidItems[i];
    }

    int size() {
        return kids.length;
    }
}
