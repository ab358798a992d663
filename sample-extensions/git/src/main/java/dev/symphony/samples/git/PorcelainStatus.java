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
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * The differences {@link StatusReader} found, as {@code git status --porcelain=v1} codes them: the index's column
 * (added, modified, deleted, renamed — JGit's {@link RenameDetector} over HEAD against the index at git's 50 %
 * similarity, as git's status detects them) and the work tree's, conflicts by the stages in the index, {@code ??}
 * untracked and {@code !!} ignored; sorted by path.
 */
final class PorcelainStatus {
    private PorcelainStatus() {
    }

    static GitStatus of(Repository repo, DirCache index, StatusWalk.Changes diff) throws IOException {
        Map<String, char[]> tracked = new TreeMap<>();
        Map<String, Integer> conflicts = diff.conflicts();
        for (String p : diff.added()) {
            code(tracked, p)[0] = 'A';
        }
        for (String p : diff.changed()) {
            code(tracked, p)[0] = 'M';
        }
        for (String p : diff.removed()) {
            code(tracked, p)[0] = 'D';
        }
        for (String p : diff.modified()) {
            code(tracked, p)[1] = 'M';
        }
        for (String p : diff.missing()) {
            code(tracked, p)[1] = 'D';
        }
        conflicts.keySet().forEach(tracked::remove);
        Map<String, String> renamedFrom = renames(repo, index, diff.added(), diff.removed());
        List<GitStatus.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Integer> c : conflicts.entrySet()) {
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
        for (String p : diff.untracked()) {
            entries.add(new GitStatus.Entry('?', '?', p, null));
        }
        for (String p : diff.ignored()) {
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
    private static Map<String, String> renames(Repository repo, DirCache index, Set<String> added, Set<String> removed) throws IOException {
        Map<String, String> out = new TreeMap<>();
        ObjectId head = repo.resolve(Constants.HEAD + "^{tree}");
        if (added.isEmpty() || removed.isEmpty() || head == null) {
            return out;
        }
        Set<String> paths = new HashSet<>(added);
        paths.addAll(removed);
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(rw.parseTree(head));
            tw.addTree(new DirCacheIterator(index));
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

    /** git's code for the stages a conflicted path has in the index (bit 0 the base, 1 ours, 2 theirs). */
    private static String conflictCode(int stages) {
        return switch (stages) {
            case 1 -> "DD";
            case 2 -> "AU";
            case 3 -> "UD";
            case 4 -> "UA";
            case 5 -> "DU";
            case 6 -> "AA";
            case 7 -> "UU";
            default -> throw new IllegalStateException("a conflict without stages: " + stages);
        };
    }
}
