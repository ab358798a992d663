package dev.symphony.editor.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A persistent B-tree of items with cached monoid summaries (see {@code editor/docs/rope.md}).
 *
 * <p>Invariants: all leaves (height-0 nodes) are at the same depth; every node other than the root
 * has between {@code maxChildren / 2} and {@code maxChildren} kids; the root has at least two kids
 * unless it is a leaf. Every update returns a new tree and shares all untouched nodes.
 */
public final class SumTree<T, S> {

    private final SummarySpec<T, S> spec;
    private final int max;
    private final Node root;

    private SumTree(SummarySpec<T, S> spec, int maxChildren, Node root) {
        this.spec = spec;
        this.max = maxChildren;
        this.root = root;
    }

    public static <T, S> SumTree<T, S> empty(SummarySpec<T, S> spec, int maxChildren) {
        if (maxChildren < 4) {
            throw new IllegalArgumentException("maxChildren must be >= 4, was " + maxChildren);
        }
        return new SumTree<>(spec, maxChildren, Node.of(spec, 0, new Object[0], new Object[0]));
    }

    /** Builds a balanced tree of {@code items} in O(n). */
    public static <T, S> SumTree<T, S> of(SummarySpec<T, S> spec, int maxChildren, List<? extends T> items) {
        SumTree<T, S> empty = empty(spec, maxChildren);
        return items.isEmpty() ? empty : new SumTree<>(spec, maxChildren, empty.build(items));
    }

    /** Builds from items whose summaries the caller already knows ({@code sums.get(i)} of item i). */
    public static <T, S> SumTree<T, S> of(SummarySpec<T, S> spec, int maxChildren, List<? extends T> items,
            List<? extends S> sums) {
        SumTree<T, S> empty = empty(spec, maxChildren);
        if (items.size() != sums.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + sums.size() + " summaries");
        }
        return items.isEmpty() ? empty : new SumTree<>(spec, maxChildren, empty.build(items.toArray(), sums.toArray()));
    }

    private Node build(List<? extends T> items) {
        int n = items.size();
        Object[] level = items.toArray();
        Object[] sums = new Object[n];
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            T item = (T) level[i];
            sums[i] = spec.summarize(item);
        }
        return build(level, sums);
    }

    private Node build(Object[] level, Object[] sums) {
        int height = 0;
        while (true) {
            Node[] nodes = group(level, sums, height);
            if (nodes.length == 1) {
                return nodes[0];
            }
            level = nodes;
            sums = new Object[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                sums[i] = nodes[i].total;
            }
            height++;
        }
    }

    /** Packs kids into nodes of {@code max} kids; the last two share evenly so none is underfull. */
    private Node[] group(Object[] kids, Object[] sums, int height) {
        int n = kids.length;
        int count = (n + max - 1) / max;
        Node[] out = new Node[count];
        int start = 0;
        for (int g = 0; g < count; g++) {
            int remaining = n - start;
            int take;
            if (g == count - 2 && remaining < max + max / 2) {
                take = remaining / 2;
            } else {
                take = Math.min(max, remaining);
            }
            out[g] = Node.of(spec, height, Arrays.copyOfRange(kids, start, start + take),
                    Arrays.copyOfRange(sums, start, start + take));
            start += take;
        }
        return out;
    }

    public int size() {
        return root.items;
    }

    public boolean isEmpty() {
        return root.items == 0;
    }

    @SuppressWarnings("unchecked")
    public S summary() {
        return (S) root.total;
    }

    public int height() {
        return root.height;
    }

    public int maxChildren() {
        return max;
    }

    public SummarySpec<T, S> spec() {
        return spec;
    }

    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) leafSlot(index, false);
    }

    @SuppressWarnings("unchecked")
    public S summaryOf(int index) {
        return (S) leafSlot(index, true);
    }

    /** The item (or its summary) at {@code index}: one descent, no allocation. */
    private Object leafSlot(int index, boolean summary) {
        checkIndex(index, root.items);
        Node n = root;
        while (n.height > 0) {
            int i = 0;
            while (index >= n.itemsIn(i)) {
                index -= n.itemsIn(i);
                i++;
            }
            n = (Node) n.kids[i];
        }
        return summary ? n.sums[index] : n.kids[index];
    }

    /**
     * Descends with {@code seeker}; returns the index of the item the seeker chose, or
     * {@link #size()} if it skipped every item.
     */
    @SuppressWarnings("unchecked")
    public int seek(Seeker<S> seeker) {
        Node n = root;
        int index = 0;
        while (true) {
            int k = n.kids.length;
            int i = pick(seeker, n, k);
            for (int j = 0; j < i; j++) {
                index += n.itemsIn(j);
            }
            if (i == k) {
                return index;
            }
            if (n.height == 0) {
                return index;
            }
            n = (Node) n.kids[i];
        }
    }

    /** Where a {@link #seek(Seeker, Location)} ended: the item, its summary and its index. Reusable. */
    public static final class Location<T, S> {
        public int index;
        public T item;
        public S summary;
    }

    /**
     * As {@link #seek(Seeker)}, also filling {@code at} with the item found (null and {@link #size()}
     * when the seeker skipped everything), so the caller needs no second descent.
     */
    @SuppressWarnings("unchecked")
    public void seek(Seeker<S> seeker, Location<T, S> at) {
        Node n = root;
        int index = 0;
        while (true) {
            int k = n.kids.length;
            int i = pick(seeker, n, k);
            for (int j = 0; j < i; j++) {
                index += n.itemsIn(j);
            }
            if (i == k) {
                at.index = index;
                at.item = null;
                at.summary = null;
                return;
            }
            if (n.height == 0) {
                at.index = index;
                at.item = (T) n.kids[i];
                at.summary = (S) n.sums[i];
                return;
            }
            n = (Node) n.kids[i];
        }
    }

    /** The kid of {@code n} the seeker descends into ({@code k} if none), from the packed summaries when it can. */
    @SuppressWarnings("unchecked")
    private int pick(Seeker<S> seeker, Node n, int k) {
        if (seeker instanceof PackedSeeker) {
            Object packed = n.packed;
            if (packed == null && ++n.seeks >= 2) {
                packed = spec.pack(n.sums);
                n.packed = packed;
            }
            if (packed != null) {
                return ((PackedSeeker<S>) seeker).pick(packed, k);
            }
        }
        int i = 0;
        while (i < k && !seeker.targetWithin((S) n.sums[i])) {
            i++;
        }
        return i;
    }

    /** Replaces the item at {@code index}, copying one path (the fast path of every small edit). */
    public SumTree<T, S> set(int index, T item) {
        return set(index, item, spec.summarize(item));
    }

    /** As {@link #set(int, Object)} with a summary the caller computed (incrementally) for {@code item}. */
    public SumTree<T, S> set(int index, T item, S summary) {
        checkIndex(index, root.items);
        return new SumTree<>(spec, max, setIn(root, index, item, summary));
    }

    private Node setIn(Node n, int index, Object item, Object sum) {
        if (n.height == 0) {
            Object[] kids = n.kids.clone();
            Object[] sums = n.sums.clone();
            kids[index] = item;
            sums[index] = sum;
            return Node.replaced(spec, n, kids, sums, index, n.sums[index]);
        }
        int i = 0;
        while (index >= n.itemsIn(i)) {
            index -= n.itemsIn(i);
            i++;
        }
        Node child = setIn((Node) n.kids[i], index, item, sum);
        Object[] kids = n.kids.clone();
        Object[] sums = n.sums.clone();
        kids[i] = child;
        sums[i] = child.total;
        return Node.replaced(spec, n, kids, sums, i, n.sums[i]);
    }

    /** Replaces items {@code [from, to)} by {@code items}: O(log n + items.size()). */
    public SumTree<T, S> replace(int from, int to, List<? extends T> items) {
        if (from < 0 || to > root.items || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + root.items);
        }
        Node[] left = split(root, from);
        Node[] right = to == from ? left : split(root, to);
        Node result = join(left[0], items.isEmpty() ? null : build(items));
        result = join(result, right[1]);
        return new SumTree<>(spec, max, result == null ? empty(spec, max).root : result);
    }

    public SumTree<T, S> slice(int from, int to) {
        if (from < 0 || to > root.items || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + root.items);
        }
        Node right = split(root, from)[1];
        Node middle = right == null ? null : split(right, to - from)[0];
        return new SumTree<>(spec, max, middle == null ? empty(spec, max).root : middle);
    }

    public SumTree<T, S> concat(SumTree<T, S> other) {
        Node joined = join(root.items == 0 ? null : root, other.root.items == 0 ? null : other.root);
        return new SumTree<>(spec, max, joined == null ? empty(spec, max).root : joined);
    }

    /** Splits the subtree {@code n} before item {@code at}; null stands for an empty tree. */
    private Node[] split(Node n, int at) {
        if (at == 0) {
            return new Node[] {null, n.items == 0 ? null : n};
        }
        if (at == n.items) {
            return new Node[] {n, null};
        }
        int i = 0;
        int index = at;
        while (index >= n.itemsIn(i)) {
            index -= n.itemsIn(i);
            i++;
        }
        if (n.height == 0) {
            return new Node[] {collapse(Node.slice(spec, n, 0, at)), collapse(Node.slice(spec, n, at, n.size()))};
        }
        Node[] inner = split((Node) n.kids[i], index);
        Node before = i == 0 ? null : collapse(Node.slice(spec, n, 0, i));
        Node after = i + 1 == n.size() ? null : collapse(Node.slice(spec, n, i + 1, n.size()));
        return new Node[] {join(before, inner[0]), join(inner[1], after)};
    }

    /** A root with a single kid is replaced by that kid, so the root always branches. */
    private static Node collapse(Node n) {
        while (n != null && n.height > 0 && n.size() == 1) {
            n = (Node) n.kids[0];
        }
        return n;
    }

    /** Joins two trees (either may be null = empty) into one balanced tree. */
    private Node join(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Node[] parts = joinNodes(a, b);
        if (parts.length == 1) {
            return collapse(parts[0]);
        }
        Object[] sums = {parts[0].total, parts[1].total};
        return Node.of(spec, parts[0].height + 1, parts, sums);
    }

    /** Returns one or two nodes of height {@code max(a.height, b.height)}. */
    private Node[] joinNodes(Node a, Node b) {
        if (a.height == b.height) {
            int total = a.size() + b.size();
            int min = max / 2;
            if (a.size() >= min && b.size() >= min) {
                return new Node[] {a, b};
            }
            Object[] kids = concat(a.kids, b.kids);
            Object[] sums = concat(a.sums, b.sums);
            return fit(kids, sums, a.height, total);
        }
        if (a.height > b.height) {
            int last = a.size() - 1;
            Node[] r = joinNodes((Node) a.kids[last], b);
            Object[] kids = Arrays.copyOf(a.kids, last + r.length);
            Object[] sums = Arrays.copyOf(a.sums, last + r.length);
            for (int j = 0; j < r.length; j++) {
                kids[last + j] = r[j];
                sums[last + j] = r[j].total;
            }
            return fit(kids, sums, a.height, kids.length);
        }
        Node[] r = joinNodes(a, (Node) b.kids[0]);
        int rest = b.size() - 1;
        Object[] kids = new Object[r.length + rest];
        Object[] sums = new Object[r.length + rest];
        for (int j = 0; j < r.length; j++) {
            kids[j] = r[j];
            sums[j] = r[j].total;
        }
        System.arraycopy(b.kids, 1, kids, r.length, rest);
        System.arraycopy(b.sums, 1, sums, r.length, rest);
        return fit(kids, sums, b.height, kids.length);
    }

    private Node[] fit(Object[] kids, Object[] sums, int height, int n) {
        if (n <= max) {
            return new Node[] {Node.of(spec, height, kids, sums)};
        }
        int half = n / 2;
        return new Node[] {
            Node.of(spec, height, Arrays.copyOfRange(kids, 0, half), Arrays.copyOfRange(sums, 0, half)),
            Node.of(spec, height, Arrays.copyOfRange(kids, half, n), Arrays.copyOfRange(sums, half, n))
        };
    }

    private static Object[] concat(Object[] x, Object[] y) {
        Object[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    /** Iterates items from {@code start}: O(log n) to position, then amortised O(1) per item. */
    public Iterator<T> iterator(int start) {
        if (start < 0 || start > root.items) {
            throw new IndexOutOfBoundsException(start);
        }
        return new Iterator<>() {
            private final Node[] stack = new Node[root.height + 1];
            private final int[] pos = new int[root.height + 1];
            private int remaining = root.items - start;

            {
                Node n = root;
                int index = start;
                int depth = 0;
                while (true) {
                    stack[depth] = n;
                    if (n.height == 0) {
                        pos[depth] = index;
                        break;
                    }
                    int i = 0;
                    while (i < n.size() - 1 && index >= n.itemsIn(i)) {
                        index -= n.itemsIn(i);
                        i++;
                    }
                    pos[depth] = i;
                    n = (Node) n.kids[i];
                    depth++;
                }
            }

            @Override
            public boolean hasNext() {
                return remaining > 0;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (remaining <= 0) {
                    throw new NoSuchElementException();
                }
                int leaf = stack.length - 1;
                while (pos[leaf] >= stack[leaf].size()) {
                    advance(leaf - 1);
                }
                remaining--;
                return (T) stack[leaf].kids[pos[leaf]++];
            }

            private void advance(int depth) {
                pos[depth]++;
                while (pos[depth] >= stack[depth].size()) {
                    advance(depth - 1);
                }
                stack[depth + 1] = (Node) stack[depth].kids[pos[depth]];
                pos[depth + 1] = 0;
            }
        };
    }

    /** All items, in order (for tests and small trees). */
    public List<T> toList() {
        List<T> out = new ArrayList<>(root.items);
        iterator(0).forEachRemaining(out::add);
        return out;
    }

    /** Verifies every structural invariant; used by tests, O(n). */
    public void checkInvariants() {
        check(root, true);
    }

    private void check(Node n, boolean isRoot) {
        if (!isRoot && n.size() < max / 2) {
            throw new IllegalStateException("underfull node: " + n.size() + " < " + max / 2);
        }
        if (n.size() > max) {
            throw new IllegalStateException("overfull node: " + n.size() + " > " + max);
        }
        if (isRoot && n.height > 0 && n.size() < 2) {
            throw new IllegalStateException("root with one kid above height 0");
        }
        int items = 0;
        for (int i = 0; i < n.size(); i++) {
            if (n.height > 0) {
                Node kid = (Node) n.kids[i];
                if (kid.height != n.height - 1) {
                    throw new IllegalStateException("unbalanced: height " + kid.height + " under " + n.height);
                }
                if (kid.total != n.sums[i]) {
                    throw new IllegalStateException("stale summary cache");
                }
                check(kid, false);
                items += kid.items;
            } else {
                items++;
            }
        }
        if (!spec.combineAll(n.sums, 0, n.sums.length).equals(n.total)) {
            throw new IllegalStateException("node summary " + n.total + " != combination of its kids");
        }
        if (items != n.items) {
            throw new IllegalStateException("item count " + n.items + " != " + items);
        }
    }

    private static void checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("item " + index + " of " + size);
        }
    }
}
