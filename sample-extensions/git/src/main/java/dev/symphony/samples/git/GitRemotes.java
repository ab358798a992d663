package dev.symphony.samples.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PullResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.BatchingProgressMonitor;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * {@code git fetch}, {@code git pull} and {@code git push} of the current branch to a remote the user configured, over
 * JGit. Progress goes to {@code progress} ("Receiving objects 45%", at most every 250 ms) and {@code cancelled} is
 * asked between steps, so a long transfer shows what it does and stops when the caller gives up. Failures say what
 * happened and what to do: no such remote, unreachable, a push rejected because the remote moved on, a pull that
 * stopped at conflicts (shown in the view, never resolved here).
 */
final class GitRemotes {
    private final Repository repo;
    private final ProgressMonitor monitor;

    GitRemotes(Repository repo, Consumer<String> progress, BooleanSupplier cancelled) {
        this.repo = repo;
        this.monitor = new BatchingProgressMonitor() {
            @Override
            protected void onUpdate(String task, int done, java.time.Duration duration) {
                progress.accept(task + " " + done);
            }

            @Override
            protected void onEndTask(String task, int done, java.time.Duration duration) {
                progress.accept(task + " " + done + ", done");
            }

            @Override
            protected void onUpdate(String task, int done, int total, int percent, java.time.Duration duration) {
                progress.accept(task + " " + percent + "% (" + done + "/" + total + ")");
            }

            @Override
            protected void onEndTask(String task, int done, int total, int percent, java.time.Duration duration) {
                progress.accept(task + " " + percent + "%, done");
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
        ((BatchingProgressMonitor) monitor).setDelayStart(250, java.util.concurrent.TimeUnit.MILLISECONDS); // nothing for a quick one
    }

    /** Fetches {@code remote}; returns the remote-tracking refs it moved. */
    List<String> fetch(String remote) throws GitActions.GitException {
        try (Git git = new Git(repo)) {
            List<String> moved = new ArrayList<>();
            git.fetch().setRemote(remote).setProgressMonitor(monitor).call().getTrackingRefUpdates()
                    .forEach(u -> moved.add(u.getLocalName()));
            return moved;
        } catch (GitAPIException e) {
            throw failed("fetch from", remote, e);
        }
    }

    /** Fetches and merges the current branch's upstream on {@code remote}; returns the merge's outcome (git's words). */
    String pull(String remote) throws GitActions.GitException {
        try (Git git = new Git(repo)) {
            PullResult result = git.pull().setRemote(remote).setProgressMonitor(monitor).call();
            if (result.getMergeResult() != null && !result.isSuccessful()) {
                var conflicts = result.getMergeResult().getConflicts();
                throw new GitActions.GitException("the pull from '" + remote + "' stopped: " + result.getMergeResult().getMergeStatus()
                        + (conflicts == null ? "" : " with conflicts in " + new java.util.TreeSet<>(conflicts.keySet())
                        + ": resolve them, stage and commit"));
            }
            if (!result.isSuccessful()) {
                throw new GitActions.GitException("the pull from '" + remote + "' did not complete: " + result);
            }
            return result.getMergeResult() == null ? "rebased" : result.getMergeResult().getMergeStatus().toString();
        } catch (GitAPIException e) {
            throw failed("pull from", remote, e);
        }
    }

    /** Pushes the current branch to the branch of the same name on {@code remote}. */
    void push(String remote) throws GitActions.GitException {
        try (Git git = new Git(repo)) {
            String branch = repo.getBranch();
            if (branch == null || org.eclipse.jgit.lib.ObjectId.isId(branch)) {
                throw new GitActions.GitException("HEAD is detached: switch to a branch to push it");
            }
            for (PushResult r : git.push().setRemote(remote).add(branch).setProgressMonitor(monitor).call()) {
                for (RemoteRefUpdate u : r.getRemoteUpdates()) {
                    switch (u.getStatus()) {
                        case OK, UP_TO_DATE -> { }
                        case REJECTED_NONFASTFORWARD -> throw new GitActions.GitException("the push of '" + branch + "' to '" + remote
                                + "' was rejected: the remote has commits this branch does not have; pull first");
                        default -> throw new GitActions.GitException("the push of '" + branch + "' to '" + remote + "' failed: "
                                + u.getStatus() + (u.getMessage() == null ? "" : " (" + u.getMessage() + ")"));
                    }
                }
            }
        } catch (GitAPIException | IOException e) {
            throw failed("push to", remote, e);
        }
    }

    /** JGit calls an unreachable remote "invalid" too: the repository's config tells a missing remote from one not found. */
    private GitActions.GitException failed(String what, String remote, Exception e) {
        String url = repo.getConfig().getString("remote", remote, "url");
        if (url == null) {
            return new GitActions.GitException("no remote '" + remote + "' in this repository: add it with git remote add "
                    + remote + " URL");
        }
        Throwable cause = e instanceof InvalidRemoteException && e.getCause() != null ? e.getCause() : e;
        return new GitActions.GitException("could not " + what + " '" + remote + "' (" + url + "): " + cause.getMessage()
                + (e instanceof TransportException || e instanceof InvalidRemoteException ? "; check the URL and that it is reachable" : ""));
    }
}
