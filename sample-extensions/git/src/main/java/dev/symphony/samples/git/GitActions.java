package dev.symphony.samples.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * What the user asks of the repository, each one git command's worth: stage ({@code git add -A -- PATHS}), unstage
 * ({@code git restore --staged}), commit (with amend), list and switch branches, and a file's text at HEAD. Each
 * failure is a {@link GitException} whose message says what was refused and why, in git's words where they exist.
 */
public final class GitActions {
    /** Larger files are not sent as HEAD texts (a diff of them would not be read anyway). */
    static final int MAX_BASE_BYTES = 16 << 20;
    private final Repository repo;
    private final StatusReader status;

    /** {@code status}: how the commit's checks read the status. */
    public GitActions(Repository repo, StatusReader status) {
        this.repo = repo;
        this.status = status;
    }

    public void stage(List<String> paths) throws GitException {
        try (Git git = new Git(repo)) {
            var add = git.add();
            var update = git.add().setUpdate(true); // deletions: git add -A stages them too
            paths.forEach(p -> {
                add.addFilepattern(p);
                update.addFilepattern(p);
            });
            add.call();
            update.call();
        } catch (GitAPIException e) {
            throw new GitException("could not stage " + paths + ": " + e.getMessage());
        }
    }

    public void unstage(List<String> paths) throws GitException {
        try (Git git = new Git(repo)) {
            if (repo.resolve(Constants.HEAD) == null) { // before the first commit: git rm --cached
                var rm = git.rm().setCached(true);
                paths.forEach(rm::addFilepattern);
                rm.call();
            } else {
                var reset = git.reset();
                paths.forEach(reset::addPath);
                reset.call();
            }
        } catch (GitAPIException | IOException e) {
            throw new GitException("could not unstage " + paths + ": " + e.getMessage());
        }
    }

    /** The new commit's id; {@code identity} null: the repository's configured user. Refuses an empty message, and (unless amending) a commit with nothing staged. */
    public String commit(String message, boolean amend, org.eclipse.jgit.lib.PersonIdent identity) throws GitException {
        if (message == null || message.isBlank()) {
            throw new GitException("the commit message is empty: write one to commit");
        }
        try (Git git = new Git(repo)) {
            List<GitStatus.Entry> entries = status.status(repo).entries();
            if (!amend && entries.stream().noneMatch(GitStatus.Entry::staged)) {
                throw new GitException("nothing is staged: stage the changes to commit first");
            }
            if (entries.stream().anyMatch(GitStatus.Entry::conflicted)) {
                throw new GitException("the merge has unresolved conflicts: resolve them and stage the files first");
            }
            var commit = git.commit().setMessage(message).setAmend(amend).setAllowEmpty(amend);
            if (identity != null) {
                commit.setAuthor(identity).setCommitter(identity);
            }
            RevCommit c = commit.call();
            return c.name();
        } catch (GitAPIException | IOException e) {
            throw new GitException("could not commit: " + e.getMessage());
        }
    }

    /** Short names of the local branches, sorted. */
    public List<String> branches() throws GitException {
        try (Git git = new Git(repo)) {
            List<String> out = new ArrayList<>();
            for (Ref r : git.branchList().call()) {
                out.add(Repository.shortenRefName(r.getName()));
            }
            return out;
        } catch (GitAPIException e) {
            throw new GitException("could not list the branches: " + e.getMessage());
        }
    }

    /** git switch [-c] BRANCH: refused, with the paths, when local changes would be overwritten. */
    public void switchTo(String branch, boolean create) throws GitException {
        try (Git git = new Git(repo)) {
            if (!create && git.branchList().call().stream()
                    .noneMatch(r -> r.getName().equals(Constants.R_HEADS + branch))) {
                throw new GitException("there is no local branch '" + branch + "'");
            }
            git.checkout().setName(branch).setCreateBranch(create).call();
        } catch (org.eclipse.jgit.api.errors.CheckoutConflictException e) {
            throw new GitException("switching to '" + branch + "' would overwrite local changes to " + e.getConflictingPaths()
                    + ": commit or discard them first");
        } catch (GitAPIException e) {
            throw new GitException("could not switch to '" + branch + "': " + e.getMessage());
        }
    }

    /** {@code path}'s text at HEAD, or null when HEAD has no such file (new, untracked, or no commit yet). */
    public BaseText baseText(String path) throws GitException {
        try (RevWalk rw = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return new BaseText(null, null, false);
            }
            RevCommit commit = rw.parseCommit(head);
            try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
                if (tw == null) {
                    return new BaseText(null, commit.name(), false);
                }
                ObjectLoader loader = repo.open(tw.getObjectId(0), Constants.OBJ_BLOB);
                if (loader.getSize() > MAX_BASE_BYTES) {
                    throw new GitException(path + " is larger than " + (MAX_BASE_BYTES >> 20) + " MiB at HEAD: not compared");
                }
                byte[] bytes = loader.getBytes();
                return RawText.isBinary(bytes) ? new BaseText(null, commit.name(), true)
                        : new BaseText(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), commit.name(), false);
            }
        } catch (IOException e) {
            throw new GitException("could not read " + path + " at HEAD: " + e.getMessage());
        }
    }

    /** {@code text} null when HEAD has no such file or it is binary. */
    public record BaseText(String text, String revision, boolean binary) {
    }

    public static final class GitException extends Exception {
        public GitException(String message) {
            super(message);
        }
    }
}
