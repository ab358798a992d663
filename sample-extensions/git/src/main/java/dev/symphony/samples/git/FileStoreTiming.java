package dev.symphony.samples.git;

import org.eclipse.jgit.util.FS;

/**
 * JGit's timing of a file store, off the first status's path. The first time JGit meets a file store (reading the
 * index's snapshot is enough) it measures the store's timestamp resolution and its smallest racy interval — a
 * thousand probe files written and read in {@code .git} — and waits for that before it reads anything; it keeps the
 * figures in its own config ({@code ~/.config/jgit/config}), which a host in a new Symphony home, or with its home
 * hidden by the sandbox, starts without. That wait was most of the time from opening a folder to Git's decorations
 * ({@code symphony bench git}'s {@code statusSplitMs}). Measured in the background instead, as EGit does: JGit uses
 * its conservative fallback (2 s resolution: a file changed that close to its snapshot counts as maybe modified and
 * is read again) until the figures are in, so the status stays right and only rereads a little more meanwhile.
 */
final class FileStoreTiming {
    private FileStoreTiming() {
    }

    /** From now on in this host, JGit measures unknown file stores without making the caller wait. */
    static void inBackground() {
        FS.FileStoreAttributes.setBackground(true);
    }
}
