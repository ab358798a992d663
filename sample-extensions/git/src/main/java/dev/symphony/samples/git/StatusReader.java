package dev.symphony.samples.git;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/**
 * Reads a repository's status as JGit's {@link IndexDiff} finds it (HEAD against the index against the work tree) and
 * reports it as {@code git status --porcelain=v1 -uall --ignored=matching} does ({@link PorcelainStatus}). It only
 * reads: unlike {@code git status}, which refreshes the index's stat data when it may, nothing in the repository is
 * written (the user's index is changed only by what they ask for).
 * <p>
 * {@link StatusWalk} compares HEAD with the index in one walk (folders the index's cache tree says are unchanged are
 * skipped) and the index with the work tree in parts of a large tree ({@link WalkPlan}); the caller's thread and up to
 * {@code helpers} threads of {@code executor} take walks until none is left, so a busy executor only means fewer
 * hands. An index with gitlinks (submodules) is read by {@code IndexDiff} itself, which looks into them.
 */
public final class StatusReader {
    private static final StatusReader ON_CALLER = new StatusReader(Runnable::run, 0, 1, Integer.MAX_VALUE);
    private final Executor executor;
    private final int helpers;
    private final int parts;
    private final int minPartEntries;

    /**
     * {@code parts}: at most this many walks, each of at least {@code minPartEntries} index entries; {@code helpers}:
     * how many of {@code executor}'s threads join the caller's.
     */
    public StatusReader(Executor executor, int helpers, int parts, int minPartEntries) {
        this.executor = executor;
        this.helpers = helpers;
        this.parts = parts;
        this.minPartEntries = minPartEntries;
    }

    /**
     * The extension's reader: the caller and {@code helpers} threads of {@code executor}, one part each (of at least
     * 4,096 entries). Each part lists the split folders on its way whole, so more parts than hands cost more than they
     * balance (StatusReadComparison under load, 100,000 files on 2 processors: 4 parts took 11 % more CPU than one
     * walk, 2 parts 3 %).
     */
    public static StatusReader sideBySide(Executor executor, int helpers) {
        return new StatusReader(executor, helpers, helpers + 1, 4096);
    }

    /** The status read on the caller's thread alone (the work tree in one walk). */
    public static GitStatus read(Repository repo) throws IOException {
        return ON_CALLER.status(repo);
    }

    public GitStatus status(Repository repo) throws IOException {
        DirCache index = repo.readDirCache();
        return PorcelainStatus.of(repo, index, hasGitlinks(index) ? indexDiff(repo) : walk(repo, index));
    }

    /** JGit's {@link IndexDiff} of HEAD, the index and the work tree, submodules included. */
    static StatusWalk.Changes indexDiff(Repository repo) throws IOException {
        IndexDiff diff = new IndexDiff(repo, Constants.HEAD, new FileTreeIterator(repo));
        diff.diff();
        return StatusWalk.Changes.of(diff);
    }

    /** HEAD against the index in one walk, the index against the work tree in the plan's parts, side by side. */
    private StatusWalk.Changes walk(Repository repo, DirCache index) throws IOException {
        WalkPlan plan = WalkPlan.of(index, parts, minPartEntries);
        ObjectId headTree = repo.resolve(Constants.HEAD + "^{tree}");
        int n = plan.parts() + 1;
        DirCacheIterator[] iterators = new DirCacheIterator[n];
        for (int w = 0; w < n; w++) {
            iterators[w] = new DirCacheIterator(index);
        }
        StatusWalk.Changes[] found = new StatusWalk.Changes[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failed = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(n);
        Runnable hand = () -> {
            for (int w; (w = next.getAndIncrement()) < n;) {
                try {
                    found[w] = w == 0 ? StatusWalk.staged(repo, headTree, iterators[w])
                            : StatusWalk.unstaged(repo, iterators[w], plan.filter(w - 1));
                } catch (IOException | RuntimeException e) {
                    failed.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = 0; h < Math.min(helpers, n - 1); h++) {
            try {
                executor.execute(hand);
            } catch (RejectedExecutionException e) {
                break; // shutting down: the caller walks the rest
            }
        }
        hand.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the status of " + repo.getWorkTree(), e);
        }
        if (failed.get() instanceof IOException e) {
            throw e;
        } else if (failed.get() instanceof RuntimeException e) {
            throw e;
        }
        StatusWalk.Changes all = found[0];
        for (int w = 1; w < n; w++) {
            all.add(found[w]);
        }
        return all;
    }

    private static boolean hasGitlinks(DirCache index) {
        for (int i = 0; i < index.getEntryCount(); i++) {
            if (index.getEntry(i).getRawMode() == FileMode.GITLINK.getBits()) {
                return true;
            }
        }
        return false;
    }
}
