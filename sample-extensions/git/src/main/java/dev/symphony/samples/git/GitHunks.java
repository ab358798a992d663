package dev.symphony.samples.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.IntList;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * Staging and unstaging parts of a file, as {@code git apply --cached --unidiff-zero} of chosen hunks of
 * {@code git diff -U0} does (VS Code's "Stage Selected Ranges"): the changes of the file on disk against the index
 * (unstaged) or of the index against HEAD (staged) are found with JGit's Myers diff, one hunk per change (no context
 * lines, so two changes are two hunks when one line lies between them), and the index gets a new blob made of the
 * chosen hunks. Only the index is written (never the file); its stat data is cleared so git and JGit compare the
 * file's content again. Files are compared byte for byte: no clean filters or line-ending conversion.
 */
final class GitHunks {
    private final Repository repo;

    GitHunks(Repository repo) {
        this.repo = repo;
    }

    /**
     * One change: lines {@code [oldStart, oldStart + oldLines)} of the old side became {@code [newStart, newStart +
     * newLines)} of the new (0-based), {@code workStart}/{@code workEnd} the lines of the file on disk it shows at
     * (a deletion shows at the line after it), and git's header ({@code @@ -a,b +c,d @@}).
     */
    record Hunk(int index, int oldStart, int oldLines, int newStart, int newLines, int workStart, int workEnd, String header, String patch) {
    }

    /** The unstaged hunks of {@code path} (the file on disk against the index) and the staged ones (the index against HEAD). */
    record Hunks(List<Hunk> unstaged, List<Hunk> staged) {
    }

    Hunks of(String path) throws GitActions.GitException {
        Sides s = sides(path);
        EditList work = s.index == null || s.work == null ? new EditList() : diff(s.index, s.work);
        EditList staged = s.head == null || s.index == null ? new EditList() : diff(s.head, s.index);
        List<Hunk> u = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            Edit e = work.get(i);
            int[] at = shownAt(e.getBeginB(), e.getEndB(), s.work.size());
            u.add(hunk(i, e, at[0], at[1], s.index, s.work));
        }
        List<Hunk> st = new ArrayList<>();
        for (int i = 0; i < staged.size(); i++) {
            Edit e = staged.get(i);
            int[] at = shownAt(e.getBeginB(), e.getEndB(), s.index.size());
            int[] in = s.work == null ? at : toWork(work, at[0], at[1]);
            st.add(hunk(i, e, in[0], in[1], s.head, s.index));
        }
        return new Hunks(u, st);
    }

    /** Stages the unstaged hunks whose lines on disk meet {@code chosen} (or, with {@code byIndex}, whose index it holds); how many. */
    int stage(String path, Choice chosen) throws GitActions.GitException {
        Sides s = sides(path);
        if (s.index == null || s.work == null) {
            throw new GitActions.GitException("'" + path + "' is " + (s.index == null ? "not in the index" : "deleted on disk")
                    + ": stage the whole file");
        }
        List<Hunk> hunks = of(path).unstaged();
        boolean[] pick = pick(hunks, chosen, path, "unstaged");
        EditList edits = diff(s.index, s.work);
        write(path, s.indexMode, merge(s.index, s.work, edits, i -> pick[i]));
        return count(pick);
    }

    /** Unstages the staged hunks whose lines on disk meet {@code chosen}: the index takes HEAD's lines back for them; how many. */
    int unstage(String path, Choice chosen) throws GitActions.GitException {
        Sides s = sides(path);
        if (s.head == null || s.index == null) {
            throw new GitActions.GitException("'" + path + "' is " + (s.head == null ? "new" : "deleted") + " in the index: unstage the whole file");
        }
        List<Hunk> hunks = of(path).staged();
        boolean[] pick = pick(hunks, chosen, path, "staged");
        EditList edits = diff(s.head, s.index);
        write(path, s.indexMode, merge(s.head, s.index, edits, i -> !pick[i]));
        return count(pick);
    }

    /** Which hunks: the lines of the file on disk ({@code ranges}: 0-based {@code [from, to)}), or hunk indexes. */
    record Choice(List<int[]> ranges, List<Integer> indexes) {
        static Choice lines(List<int[]> ranges) {
            return new Choice(ranges, null);
        }

        static Choice hunks(List<Integer> indexes) {
            return new Choice(null, indexes);
        }
    }

    private static boolean[] pick(List<Hunk> hunks, Choice chosen, String path, String which) throws GitActions.GitException {
        boolean[] pick = new boolean[hunks.size()];
        for (Hunk h : hunks) {
            if (chosen.indexes() != null) {
                pick[h.index()] = chosen.indexes().contains(h.index());
            } else {
                for (int[] r : chosen.ranges()) {
                    pick[h.index()] |= r[0] < h.workEnd() && h.workStart() < r[1];
                }
            }
        }
        if (chosen.indexes() != null) {
            for (int i : chosen.indexes()) {
                if (i < 0 || i >= hunks.size()) {
                    throw new GitActions.GitException("'" + path + "' has " + hunks.size() + " " + which + " hunks: there is no hunk " + i);
                }
            }
        }
        if (count(pick) == 0) {
            throw new GitActions.GitException("no " + which + " change of '" + path + "' is in the selected lines");
        }
        return pick;
    }

    private static int count(boolean[] pick) {
        int n = 0;
        for (boolean b : pick) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The old text with the edits {@code takeNew} accepts replaced by their new lines. */
    static byte[] merge(RawText a, RawText b, EditList edits, IntPredicate takeNew) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(a.getRawContent().length);
        IntList linesA = RawParseUtils.lineMap(a.getRawContent(), 0, a.getRawContent().length);
        IntList linesB = RawParseUtils.lineMap(b.getRawContent(), 0, b.getRawContent().length);
        int at = 0;
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            copy(a, linesA, at, e.getBeginA(), out);
            if (takeNew.test(i)) {
                copy(b, linesB, e.getBeginB(), e.getEndB(), out);
            } else {
                copy(a, linesA, e.getBeginA(), e.getEndA(), out);
            }
            at = e.getEndA();
        }
        copy(a, linesA, at, a.size(), out);
        return out.toByteArray();
    }

    /** Lines {@code [from, to)} with their line breaks; {@code lines} is RawText's map: line i starts at {@code get(i + 1)}. */
    private static void copy(RawText t, IntList lines, int from, int to, java.io.ByteArrayOutputStream out) {
        if (from >= to) {
            return;
        }
        int start = lines.get(from + 1);
        int end = lines.get(to + 1);
        out.write(t.getRawContent(), start, end - start);
    }

    private void write(String path, FileMode mode, byte[] content) throws GitActions.GitException {
        DirCache dc = null;
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
            inserter.flush();
            dc = repo.lockDirCache();
            DirCacheEntry old = dc.getEntry(path);
            if (old == null || old.getStage() != DirCacheEntry.STAGE_0) {
                throw new GitActions.GitException("'" + path + "' changed in the index meanwhile: try again");
            }
            DirCacheEditor editor = dc.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry ent) {
                    ent.setFileMode(mode);
                    ent.setObjectId(blob);
                    ent.setLength(content.length);
                    ent.setLastModified(Instant.EPOCH); // no stat match: the file on disk is compared by content
                }
            });
            editor.commit();
            dc = null;
        } catch (IOException e) {
            throw new GitActions.GitException("could not write the index for '" + path + "': " + e.getMessage());
        } finally {
            if (dc != null) {
                dc.unlock();
            }
        }
    }

    private Hunk hunk(int index, Edit e, int workStart, int workEnd, RawText a, RawText b) {
        String header = "@@ -" + range(e.getBeginA(), e.getLengthA()) + " +" + range(e.getBeginB(), e.getLengthB()) + " @@";
        StringBuilder patch = new StringBuilder(header).append('\n');
        for (int i = e.getBeginA(); i < e.getEndA(); i++) {
            patch.append('-').append(a.getString(i)).append('\n');
        }
        for (int i = e.getBeginB(); i < e.getEndB(); i++) {
            patch.append('+').append(b.getString(i)).append('\n');
        }
        return new Hunk(index, e.getBeginA(), e.getLengthA(), e.getBeginB(), e.getLengthB(), workStart, workEnd, header, patch.toString());
    }

    /** git's {@code start,count} of a hunk side: 1-based, the line before it when empty, ",1" left out. */
    static String range(int begin, int length) {
        int start = length == 0 ? begin : begin + 1;
        return length == 1 ? String.valueOf(start) : start + "," + length;
    }

    /** The lines a change shows at: its new lines, or for a deletion the line after it (the last line at the end). */
    private static int[] shownAt(int begin, int end, int size) {
        if (end > begin) {
            return new int[] {begin, end};
        }
        int line = Math.max(0, Math.min(begin, size - 1));
        return new int[] {line, line + 1};
    }

    /** Index lines {@code [from, to)} as lines of the file on disk, through the unstaged changes (a changed line: its change's lines). */
    private static int[] toWork(EditList work, int from, int to) {
        return new int[] {map(work, from, true), map(work, to - 1, false)};
    }

    private static int map(EditList work, int line, boolean start) {
        int delta = 0;
        for (Edit e : work) {
            if (line < e.getBeginA()) {
                break;
            }
            if (line < e.getEndA()) {
                return start ? e.getBeginB() : Math.max(e.getEndB(), e.getBeginB() + 1);
            }
            delta = e.getEndB() - e.getEndA();
        }
        return line + delta + (start ? 0 : 1);
    }

    private static EditList diff(RawText a, RawText b) {
        return DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.MYERS).diff(RawTextComparator.DEFAULT, a, b);
    }

    /** The file at HEAD, in the index and on disk (null where it is not there). */
    private record Sides(RawText head, RawText index, FileMode indexMode, RawText work) {
    }

    private Sides sides(String path) throws GitActions.GitException {
        try {
            DirCache dc = repo.readDirCache();
            int at = dc.findEntry(path);
            RawText index = null;
            FileMode mode = null;
            if (at >= 0) {
                DirCacheEntry e = dc.getEntry(at);
                if (e.getStage() != DirCacheEntry.STAGE_0 || (at + 1 < dc.getEntryCount() && dc.getEntry(at + 1).getPathString().equals(path))) {
                    throw new GitActions.GitException("'" + path + "' has merge conflicts: resolve them, then stage the whole file");
                }
                mode = e.getFileMode();
                index = text(path, repo.open(e.getObjectId(), Constants.OBJ_BLOB).getBytes(GitActions.MAX_BASE_BYTES));
            }
            RawText head = null;
            ObjectId headId = repo.resolve(Constants.HEAD);
            if (headId != null) {
                try (RevWalk rw = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, path, rw.parseCommit(headId).getTree())) {
                    if (tw != null) {
                        head = text(path, repo.open(tw.getObjectId(0), Constants.OBJ_BLOB).getBytes(GitActions.MAX_BASE_BYTES));
                    }
                }
            }
            Path file = repo.getWorkTree().toPath().resolve(path);
            RawText work = Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? text(path, Files.readAllBytes(file)) : null;
            if (index == null && head == null && work != null) {
                throw new GitActions.GitException("'" + path + "' is untracked: stage the whole file");
            }
            if (index == null && head == null) {
                throw new GitActions.GitException("'" + path + "' is not in the repository");
            }
            return new Sides(head, index, mode, work);
        } catch (IOException | org.eclipse.jgit.errors.LargeObjectException e) {
            throw new GitActions.GitException("could not read '" + path + "': " + e.getMessage());
        }
    }

    private static RawText text(String path, byte[] bytes) throws GitActions.GitException {
        if (RawText.isBinary(bytes)) {
            throw new GitActions.GitException("'" + path + "' is binary: stage the whole file");
        }
        return new RawText(bytes);
    }
}
