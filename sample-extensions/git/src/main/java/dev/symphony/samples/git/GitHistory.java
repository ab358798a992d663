package dev.symphony.samples.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * History over JGit: HEAD's log (newest first, in topological order as {@code git log --graph} walks it) and one commit's changes against its first
 * parent (an empty tree for a root commit), file by file and as a patch, without rename detection
 * ({@code git diff-tree -r --no-renames}). Reads only.
 */
final class GitHistory {
    /** A patch longer than this is cut (and says so): the view shows text, not a 100 MB diff. */
    static final int MAX_PATCH_CHARS = 200_000;
    private final Repository repo;

    GitHistory(Repository repo) {
        this.repo = repo;
    }

    /** One commit of the log; {@code time} in seconds since the epoch (the author's). */
    record Commit(String id, List<String> parents, String author, String email, long time, String subject) {
    }

    /** A changed path: {@code change} is git's letter (A, M, D). */
    record FileChange(String change, String path) {
    }

    record Shown(Commit commit, List<FileChange> files, String patch, boolean cut) {
    }

    /** Up to {@code max} commits reachable from HEAD, newest first; empty before the first commit. */
    List<Commit> log(int max) throws GitActions.GitException {
        List<Commit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return out;
            }
            walk.sort(org.eclipse.jgit.revwalk.RevSort.TOPO); // each commit before its parents, as git log --graph
            walk.markStart(walk.parseCommit(head));
            for (RevCommit c : walk) {
                if (out.size() >= max) {
                    break;
                }
                out.add(commit(c));
            }
            return out;
        } catch (IOException e) {
            throw new GitActions.GitException("could not read the history: " + e.getMessage());
        }
    }

    /** The changes {@code id} made (a full or abbreviated id), against its first parent. */
    Shown show(String id) throws GitActions.GitException {
        try (RevWalk walk = new RevWalk(repo); DiffFormatter files = new DiffFormatter(org.eclipse.jgit.util.io.NullOutputStream.INSTANCE)) {
            ObjectId oid = id == null || id.isBlank() ? null : repo.resolve(id + "^{commit}");
            if (oid == null) {
                throw new GitActions.GitException("there is no commit '" + id + "'");
            }
            RevCommit c = walk.parseCommit(oid);
            RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
            files.setRepository(repo);
            files.setDetectRenames(false);
            List<DiffEntry> entries = files.scan(parent == null ? null : parent.getTree(), c.getTree());
            List<FileChange> changes = new ArrayList<>();
            for (DiffEntry e : entries) {
                changes.add(new FileChange(letter(e.getChangeType()), e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath()));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DiffFormatter patch = new DiffFormatter(bytes)) {
                patch.setRepository(repo);
                patch.setDetectRenames(false);
                patch.format(entries);
            }
            String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
            boolean cut = text.length() > MAX_PATCH_CHARS;
            return new Shown(commit(c), changes, cut ? text.substring(0, MAX_PATCH_CHARS) : text, cut);
        } catch (IOException e) {
            throw new GitActions.GitException("could not read commit '" + id + "': " + e.getMessage());
        }
    }

    private static Commit commit(RevCommit c) {
        List<String> parents = new ArrayList<>();
        for (RevCommit p : c.getParents()) {
            parents.add(p.name());
        }
        var who = c.getAuthorIdent();
        return new Commit(c.name(), parents, who.getName(), who.getEmailAddress(), who.getWhenAsInstant().getEpochSecond(), c.getShortMessage());
    }

    private static String letter(DiffEntry.ChangeType type) {
        return switch (type) {
            case ADD -> "A";
            case DELETE -> "D";
            case MODIFY -> "M";
            case RENAME -> "R";
            case COPY -> "C";
        };
    }
}
