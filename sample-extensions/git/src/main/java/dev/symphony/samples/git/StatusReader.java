package dev.symphony.samples.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * Reads a repository's status with JGit's {@link IndexDiff} (HEAD against the index against the work tree) and
 * reports it as {@code git status --porcelain=v1 -uall --ignored=matching} does, staged renames included (JGit's
 * {@link RenameDetector} at git's 50 % similarity). It only reads: unlike {@code git status}, which refreshes the
 * index's stat data when it may, nothing in the repository is written (the user's index is changed only by what they
 * ask for).
 */
public final class StatusReader {
    private StatusReader() {
    }

    public static GitStatus read(Repository repo) throws IOException {
        IndexDiff diff = new IndexDiff(repo, Constants.HEAD, new FileTreeIterator(repo));
        diff.diff();
        Map<String, char[]> tracked = new TreeMap<>();
        Map<String, IndexDiff.StageState> conflicts = diff.getConflictingStageStates();
        for (String p : diff.getAdded()) {
            code(tracked, p)[0] = 'A';
        }
        for (String p : diff.getChanged()) {
            code(tracked, p)[0] = 'M';
        }
        for (String p : diff.getRemoved()) {
            code(tracked, p)[0] = 'D';
        }
        for (String p : diff.getModified()) {
            code(tracked, p)[1] = 'M';
        }
        for (String p : diff.getMissing()) {
            code(tracked, p)[1] = 'D';
        }
        conflicts.keySet().forEach(tracked::remove);
        Map<String, String> renamedFrom = renames(repo, diff.getAdded(), diff.getRemoved());
        List<GitStatus.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, IndexDiff.StageState> c : conflicts.entrySet()) {
            String xy = conflictCode(c.getValue());
            entries.add(new GitStatus.Entry(xy.charAt(0), xy.charAt(1), c.getKey(), null));
        }
        Set<String> renamedAway = new HashSet<>(renamedFrom.values());
        for (Map.Entry<String, char[]> t : tracked.entrySet()) {
            char[] xy = t.getValue();
            String from = renamedFrom.get(t.getKey());
            if (from != null) {
                xy[0] = 'R';
            } else if (renamedAway.contains(t.getKey()) && xy[0] == 'D') {
                continue; // shown as the rename's old path
            }
            entries.add(new GitStatus.Entry(xy[0], xy[1], t.getKey(), from));
        }
        for (String p : diff.getUntracked()) {
            entries.add(new GitStatus.Entry('?', '?', p, null));
        }
        for (String p : diff.getIgnoredNotInIndex()) {
            entries.add(new GitStatus.Entry('!', '!', p, null));
        }
        entries.sort(Comparator.comparing(GitStatus.Entry::path));
        return new GitStatus(repo.getWorkTree().getAbsolutePath(), repo.getBranch() == null || ObjectId.isId(repo.getBranch())
                ? null : repo.getBranch(), head(repo), List.copyOf(entries));
    }

    private static char[] code(Map<String, char[]> tracked, String path) {
        return tracked.computeIfAbsent(path, p -> new char[] {' ', ' '});
    }

    private static String head(Repository repo) throws IOException {
        ObjectId id = repo.resolve(Constants.HEAD);
        return id == null ? null : id.name();
    }

    /** New path → old path of every staged rename (a removed and an added path with ≥ 50 % similar content). */
    private static Map<String, String> renames(Repository repo, Set<String> added, Set<String> removed) throws IOException {
        Map<String, String> out = new TreeMap<>();
        ObjectId head = repo.resolve(Constants.HEAD + "^{tree}");
        if (added.isEmpty() || removed.isEmpty() || head == null) {
            return out;
        }
        Set<String> paths = new HashSet<>(added);
        paths.addAll(removed);
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(rw.parseTree(head));
            tw.addTree(new DirCacheIterator(repo.readDirCache()));
            tw.setRecursive(true);
            tw.setFilter(PathFilterGroup.createFromStrings(paths));
            RenameDetector detector = new RenameDetector(repo);
            detector.setRenameScore(50);
            detector.addAll(DiffEntry.scan(tw));
            for (DiffEntry e : detector.compute()) {
                if (e.getChangeType() == DiffEntry.ChangeType.RENAME) {
                    out.put(e.getNewPath(), e.getOldPath());
                }
            }
        }
        return out;
    }

    private static String conflictCode(IndexDiff.StageState state) {
        return switch (state) {
            case BOTH_DELETED -> "DD";
            case ADDED_BY_US -> "AU";
            case DELETED_BY_THEM -> "UD";
            case ADDED_BY_THEM -> "UA";
            case DELETED_BY_US -> "DU";
            case BOTH_ADDED -> "AA";
            case BOTH_MODIFIED -> "UU";
        };
    }
}
