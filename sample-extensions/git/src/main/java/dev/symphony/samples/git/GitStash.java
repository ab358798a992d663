package dev.symphony.samples.git;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.StashApplyFailureException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@code git stash push [-u] [-m MESSAGE]}, {@code git stash list} and {@code git stash pop [N]} over JGit, with git's
 * messages ({@code WIP on BRANCH: ID SUBJECT}, {@code On BRANCH: MESSAGE}) so {@code git stash list} in a terminal
 * shows the same entries. A pop that conflicts with local changes keeps the entry (as git does) and says so.
 */
final class GitStash {
    private final Repository repo;

    GitStash(Repository repo) {
        this.repo = repo;
    }

    /** One stash entry: {@code stash@{index}} and its message. */
    record Entry(int index, String id, String message) {
    }

    /** Stashes the local changes (untracked files too when asked); returns the new entry's id, null when nothing changed. */
    String push(String message, boolean includeUntracked, PersonIdent who) throws GitActions.GitException {
        try (Git git = new Git(repo)) {
            var create = git.stashCreate().setIncludeUntracked(includeUntracked);
            if (who != null) {
                create.setPerson(who);
            }
            if (message != null && !message.isBlank()) {
                // MessageFormat: {0} is the branch; the user's text is quoted so its braces and quotes stay as written
                create.setWorkingDirectoryMessage("On {0}: '" + message.strip().replace("'", "''") + "'");
            }
            RevCommit made = create.call();
            return made == null ? null : made.name();
        } catch (GitAPIException e) {
            throw new GitActions.GitException("could not stash the changes: " + e.getMessage());
        }
    }

    List<Entry> list() throws GitActions.GitException {
        try (Git git = new Git(repo)) {
            List<Entry> out = new ArrayList<>();
            for (RevCommit c : git.stashList().call()) {
                out.add(new Entry(out.size(), c.name(), c.getFullMessage().strip()));
            }
            return out;
        } catch (GitAPIException e) {
            throw new GitActions.GitException("could not list the stash: " + e.getMessage());
        }
    }

    /** Applies {@code stash@{index}} (its staged changes staged again) and drops it; refused, entry kept, on a conflict. */
    void pop(int index) throws GitActions.GitException {
        List<Entry> entries = list();
        if (index < 0 || index >= entries.size()) {
            throw new GitActions.GitException(entries.isEmpty() ? "the stash is empty"
                    : "no stash@{" + index + "}: the stash has " + entries.size() + " entries (0 to " + (entries.size() - 1) + ")");
        }
        try (Git git = new Git(repo)) {
            git.stashApply().setStashRef("stash@{" + index + "}").setRestoreIndex(true).setRestoreUntracked(true).call();
            git.stashDrop().setStashRef(index).call();
        } catch (StashApplyFailureException e) {
            throw new GitActions.GitException("stash@{" + index + "} conflicts with local changes (" + e.getMessage()
                    + "): the entry is kept; commit or stash those changes first");
        } catch (GitAPIException e) {
            throw new GitActions.GitException("could not pop stash@{" + index + "}: " + e.getMessage());
        }
    }
}
