package dev.symphony.samples.git;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheTree;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The work tree split into parts of about equal numbers of index entries, along folders, so {@link StatusWalk}s of
 * the parts can run side by side (git stats the index's files on several threads too, {@code core.preloadIndex}).
 * A folder with more than {@code target} entries is split: each folder in it is planned again, and what else it holds
 * — its files and the folders the index does not know (untracked or ignored ones) — is one more piece, its "rest".
 * The pieces go to the parts largest first, each to the part with the fewest entries so far.
 * <p>
 * Each part's {@link #filter(int) filter} lets a path through in exactly one part (a file or an unplanned folder: the
 * part of its folder's rest; anything in a planned, unsplit folder: that folder's part); the split folders on the way
 * are entered by every part that has a piece beneath them. Any plan is a partition of every possible path, so a plan
 * made from one index is still correct for a later one (only less even).
 */
final class WalkPlan {
    private final Folder root = new Folder(new byte[0]);
    private int parts;

    private WalkPlan() {
    }

    /**
     * At most {@code parts} (≤ 64) parts, of at least {@code minEntries} entries each; one part: no split. Made from the
     * index's folder tree (its cache tree, which JGit validates against the entries), so nothing is done per entry.
     */
    static WalkPlan of(DirCache index, int parts, int minEntries) {
        DirCacheTree tree = index.getCacheTree(true);
        int n = tree.getEntrySpan();
        int wanted = Math.max(1, Math.min(Math.min(parts, 64), n / Math.max(1, minEntries)));
        List<Piece> pieces = new ArrayList<>();
        WalkPlan plan = new WalkPlan();
        plan.split(plan.root, tree, Math.max(1, n / wanted), pieces, new ArrayList<>());
        long[] load = new long[wanted];
        int[] count = new int[wanted];
        pieces.sort(Comparator.comparingInt(Piece::entries).reversed());
        for (Piece piece : pieces) {
            int least = 0;
            for (int p = 1; p < wanted; p++) {
                least = load[p] < load[least] || load[p] == load[least] && count[p] < count[least] ? p : least;
            }
            load[least] += piece.entries();
            count[least]++;
            piece.assign(least);
        }
        plan.parts = Math.min(wanted, pieces.size()); // an empty part gets a piece before any part gets two
        return plan;
    }

    /** How many parts there are (1: the whole tree in one walk). */
    int parts() {
        return parts;
    }

    /** The paths of part {@code part} (0 ≤ part < {@link #parts()}). */
    TreeFilter filter(int part) {
        return parts() == 1 ? TreeFilter.ALL : new PartFilter(root, part);
    }

    /** Plans {@code folder}, the index's folder {@code tree}: whole, or split into its folders and its rest. */
    private void split(Folder folder, DirCacheTree tree, int target, List<Piece> pieces, List<Folder> above) {
        if (tree.getEntrySpan() <= target) {
            pieces.add(new Piece(folder, tree.getEntrySpan(), List.copyOf(above), false));
            return;
        }
        List<Folder> path = new ArrayList<>(above);
        path.add(folder);
        Folder[] children = new Folder[tree.getChildCount()];
        int rest = tree.getEntrySpan();
        for (int i = 0; i < children.length; i++) {
            DirCacheTree child = tree.getChild(i);
            children[i] = new Folder(child.getNameString().getBytes(StandardCharsets.UTF_8));
            rest -= child.getEntrySpan();
            split(children[i], child, target, pieces, path);
        }
        // by name, for the binary search (the index's order differs: "a-b/x" sorts before "a/x", yet "a" before "a-b")
        Arrays.sort(children, (x, y) -> Arrays.compareUnsigned(x.name, y.name));
        folder.children = children;
        pieces.add(new Piece(folder, rest, path, true));
    }

    /** A planned folder: walked whole by {@code owner}, or split (its rest walked by {@code restOwner}). */
    private static final class Folder {
        final byte[] name;
        Folder[] children = new Folder[0];
        int owner = -1;
        int restOwner = -1;
        long entered; // bit per part that has a piece in or beneath this split folder

        Folder(byte[] name) {
            this.name = name;
        }

        Folder child(byte[] path, int from, int to) {
            int lo = 0;
            int hi = children.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Arrays.compareUnsigned(children[mid].name, 0, children[mid].name.length, path, from, to);
                if (c == 0) {
                    return children[mid];
                }
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return null;
        }
    }

    /** A whole folder, or a split folder's rest, and the folders above it. */
    private record Piece(Folder folder, int entries, List<Folder> above, boolean rest) {
        void assign(int part) {
            if (rest) {
                folder.restOwner = part;
                folder.entered |= 1L << part;
            } else {
                folder.owner = part;
            }
            above.forEach(f -> f.entered |= 1L << part);
        }
    }

    /** One part's paths, decided from the path bytes of the walk's current entry (nothing allocated per entry). */
    private static final class PartFilter extends TreeFilter {
        private final Folder root;
        private final int part;

        PartFilter(Folder root, int part) {
            this.root = root;
            this.part = part;
        }

        @Override
        public boolean include(TreeWalk walker) {
            AbstractTreeIterator current = null;
            for (int i = 0; current == null; i++) {
                current = walker.getTree(i, AbstractTreeIterator.class); // null unless it holds the current entry
            }
            byte[] path = current.getEntryPathBuffer();
            int length = current.getEntryPathLength();
            boolean folder = walker.isSubtree();
            Folder at = root;
            int from = 0;
            while (true) {
                int slash = from;
                while (slash < length && path[slash] != '/') {
                    slash++;
                }
                boolean last = slash == length;
                Folder child = last && !folder ? null : at.child(path, from, slash);
                if (child == null) {
                    return at.restOwner == part; // a file, or a folder the plan does not know: its folder's rest
                }
                if (child.owner >= 0) {
                    return child.owner == part;
                }
                if (last) {
                    return (child.entered & 1L << part) != 0;
                }
                at = child;
                from = slash + 1;
            }
        }

        @Override
        public boolean shouldBeRecursive() {
            return false;
        }

        @Override
        public TreeFilter clone() {
            return this; // no state of its own
        }

        @Override
        public String toString() {
            return "part " + part;
        }
    }
}
