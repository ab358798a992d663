package dev.symphony.samples.git;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Who last changed each line of a file, as {@code git blame --root} says it: JGit's blame from HEAD over the file as it
 * is on disk, so lines not committed yet belong to no commit ({@code commit} null, git's {@code 0000000}).
 */
final class GitBlame {
    private final Repository repo;

    GitBlame(Repository repo) {
        this.repo = repo;
    }

    /** One line (1-based) and the commit that last changed it, null when it is not committed. */
    record Line(int line, String commit, String author, long time, String subject) {
    }

    List<Line> of(String path) throws GitActions.GitException {
        try (Git git = new Git(repo)) {
            BlameResult result = git.blame().setFilePath(path).setFollowFileRenames(true).call();
            if (result == null) {
                throw new GitActions.GitException("'" + path + "' is not in HEAD: nothing to blame");
            }
            result.computeAll();
            List<Line> out = new ArrayList<>();
            for (int i = 0; i < result.getResultContents().size(); i++) {
                RevCommit c = result.getSourceCommit(i);
                out.add(c == null ? new Line(i + 1, null, null, 0, null)
                        : new Line(i + 1, c.name(), c.getAuthorIdent().getName(), c.getCommitTime(), c.getShortMessage()));
            }
            return out;
        } catch (GitAPIException | java.io.IOException e) {
            throw new GitActions.GitException("could not blame '" + path + "': " + e.getMessage());
        }
    }
}
