package dev.symphony.samples.git;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.IndexDiffFilter;
import org.eclipse.jgit.treewalk.filter.SkipWorkTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * What differs between HEAD, the index and the work tree, in the terms of JGit's {@link IndexDiff} (added, changed and
 * removed from HEAD to the index; missing and modified from the index to the work tree; untracked; ignored and not in
 * the index; conflicts with their stages), in two kinds of walk that can run side by side:
 * <ul>
 * <li>{@link #staged}: HEAD against the index, entering only folders whose tree differs — the index's cache tree (which
 * {@code git commit} and {@code git add} keep) names each folder's tree, so an unchanged folder is skipped unread, as
 * git's status does;</li>
 * <li>{@link #unstaged}: the index against one part of the work tree ({@link WalkPlan}), {@link IndexDiffFilter}
 * skipping what is equal — the work tree's stat data against the index's, the content hashed only where they differ
 * or the entry is racily clean — and {@link WorkingTreeIterator#isModified} deciding.</li>
 * </ul>
 * Unlike {@code IndexDiff}, the walks take an index already read (so all of them share one) and leave submodules to
 * {@code IndexDiff} ({@link StatusReader} does not read an index with gitlinks this way). A path removed from the
 * index but on disk is untracked here only when it is not ignored, as git shows it ({@code IndexDiff} also calls an
 * ignored one untracked).
 */
final class StatusWalk {
    /** The paths in each of {@code IndexDiff}'s sets; {@code conflicts}: path → the stages present (bit 0 base, 1 ours, 2 theirs). */
    record Changes(Set<String> added, Set<String> changed, Set<String> removed, Set<String> missing, Set<String> modified,
            Set<String> untracked, Set<String> ignored, Map<String, Integer> conflicts) {
        Changes() {
            this(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(),
                    new HashSet<>(), new HashMap<>());
        }

        static Changes of(IndexDiff diff) {
            Changes c = new Changes(diff.getAdded(), diff.getChanged(), diff.getRemoved(), diff.getMissing(), diff.getModified(),
                    diff.getUntracked(), diff.getIgnoredNotInIndex(), new HashMap<>());
            diff.getConflictingStageStates().forEach((path, state) -> c.conflicts.put(path,
                    (state.hasBase() ? 1 : 0) | (state.hasOurs() ? 2 : 0) | (state.hasTheirs() ? 4 : 0)));
            return c;
        }

        /** Adds another part's changes (parts share no path but the folders on the way to them). */
        Changes add(Changes other) {
            added.addAll(other.added);
            changed.addAll(other.changed);
            removed.addAll(other.removed);
            missing.addAll(other.missing);
            modified.addAll(other.modified);
            untracked.addAll(other.untracked);
            ignored.addAll(other.ignored);
            other.conflicts.forEach((path, stages) -> conflicts.merge(path, stages, (a, b) -> a | b));
            return this;
        }
    }

    private StatusWalk() {
    }

    /** HEAD's tree ({@code headTree}, null before the first commit) against the index: added, changed, removed. */
    static Changes staged(Repository repo, AnyObjectId headTree, DirCacheIterator index) throws IOException {
        Changes out = new Changes();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.setRecursive(true);
            if (headTree == null) {
                tw.addTree(new EmptyTreeIterator());
            } else {
                tw.addTree(headTree);
            }
            tw.addTree(index);
            tw.setFilter(AndTreeFilter.create(TreeFilter.ANY_DIFF, new SkipWorkTreeFilter(1)));
            while (tw.next()) {
                DirCacheIterator inIndex = tw.getTree(1, DirCacheIterator.class);
                if (inIndex != null && inIndex.getDirCacheEntry().getStage() > 0) {
                    continue; // a conflict: its stages are the unstaged walk's to report
                }
                AbstractTreeIterator inHead = tw.getTree(0, AbstractTreeIterator.class);
                (inHead == null ? out.added : inIndex == null ? out.removed : out.changed).add(tw.getPathString());
            }
        }
        return out;
    }

    /**
     * The index against the part of the work tree {@code part} lets through: conflicts, missing, modified, untracked
     * and ignored. {@code index}: an iterator over the index read once for all walks (made on the caller's thread:
     * making one validates the index's cache tree, which writes to it).
     */
    static Changes unstaged(Repository repo, DirCacheIterator index, TreeFilter part) throws IOException {
        Changes out = new Changes();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.setOperationType(TreeWalk.OperationType.CHECKIN_OP);
            tw.setRecursive(true);
            tw.addTree(index);
            FileTreeIterator workTree = new FileTreeIterator(repo);
            tw.addTree(workTree);
            workTree.setDirCacheIterator(tw, 0);
            IndexDiffFilter differs = new IndexDiffFilter(0, 1);
            // the part's filter first: the others look only at what is this part's
            tw.setFilter(AndTreeFilter.create(List.of(part, new SkipWorkTreeFilter(0), differs)));
            while (tw.next()) {
                DirCacheIterator inIndex = tw.getTree(0, DirCacheIterator.class);
                WorkingTreeIterator file = tw.getTree(1, WorkingTreeIterator.class);
                DirCacheEntry entry = inIndex == null ? null : inIndex.getDirCacheEntry();
                String path = tw.getPathString();
                if (entry == null) {
                    if (file != null && !file.isEntryIgnored()) {
                        out.untracked.add(path);
                    }
                } else if (entry.getStage() > 0) {
                    out.conflicts.merge(path, 1 << (entry.getStage() - 1), (a, b) -> a | b);
                } else if (file == null) {
                    out.missing.add(path);
                } else if (file.isModified(entry, true, tw.getObjectReader())) {
                    out.modified.add(path);
                }
            }
            out.ignored.addAll(differs.getIgnoredPaths());
        }
        return out;
    }
}
