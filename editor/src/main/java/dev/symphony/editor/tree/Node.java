package dev.symphony.editor.tree;

import java.util.Arrays;

/**
 * One immutable tree node. At height 0 {@code kids} are items; above, they are {@link Node}s whose
 * heights are all {@code height - 1}. {@code sums[i]} caches the summary of {@code kids[i]} so that a
 * seek never recomputes an item's summary.
 */
final class Node {

    final int height;
    final Object[] kids;
    final Object[] sums;
    final Object total;
    final int items;

    private Node(int height, Object[] kids, Object[] sums, Object total, int items) {
        this.height = height;
        this.kids = kids;
        this.sums = sums;
        this.total = total;
        this.items = items;
    }

    static Node of(SummarySpec<?, ?> spec, int height, Object[] kids, Object[] sums) {
        int items;
        if (height == 0) {
            items = kids.length;
        } else {
            items = 0;
            for (Object kid : kids) {
                items += ((Node) kid).items;
            }
        }
        return new Node(height, kids, sums, spec.combineAll(sums, 0, sums.length), items);
    }

    /** A node whose item count the caller knows (a path copy does not change it). */
    static Node of(SummarySpec<?, ?> spec, int height, Object[] kids, Object[] sums, int items) {
        return new Node(height, kids, sums, spec.combineAll(sums, 0, sums.length), items);
    }

    /** A path copy where only kid {@code i} changed (from {@code oldKid}); the summary is updated, not recomputed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Node replaced(SummarySpec spec, Node old, Object[] kids, Object[] sums, int i, Object oldKid) {
        Object total = spec.replaceKid(old.total, sums, i, oldKid);
        if (total == null) {
            total = spec.combineAll(sums, 0, sums.length);
        }
        return new Node(old.height, kids, sums, total, old.items);
    }

    static Node slice(SummarySpec<?, ?> spec, Node n, int from, int to) {
        return of(spec, n.height, Arrays.copyOfRange(n.kids, from, to), Arrays.copyOfRange(n.sums, from, to));
    }

    /** Number of items in kid {@code i}. */
    int itemsIn(int i) {
        return height == 0 ? 1 : ((Node) kids[i]).items;
    }

    int size() {
        return kids.length;
    }
}
