package dev.symphony.samples.git;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.services.KernelServices;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * The open folder's repository while the extension runs: opened once its manifest permissions are checked (the work
 * tree must be the open folder, readable and writable under {@code ${workspace}}), the last status read (on the
 * {@code git-status} thread, one read at a time, a request during a read runs one more after it), and what the
 * workbench is told after each read: the view changed, the branch for the status bar, the file decorations.
 */
final class GitSession implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int WALKERS = Math.min(7, Runtime.getRuntime().availableProcessors() - 1);
    private final KernelServices services;
    private final Repository repo;
    private final Path workTree;
    private final GitActions actions;
    private final GitHistory history;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "git-status");
        t.setDaemon(true);
        return t;
    });
    /** The threads that read parts of a large work tree beside the reading thread (none on one processor). */
    private final ExecutorService walkers = Executors.newFixedThreadPool(Math.max(1, WALKERS), r -> {
        Thread t = new Thread(r, "git-status-walk");
        t.setDaemon(true);
        return t;
    });
    private final StatusReader statusReader = StatusReader.sideBySide(walkers, WALKERS);
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean reading;
    private volatile GitStatus last;
    private volatile List<String> branches = List.of();
    private final java.util.concurrent.atomic.AtomicReference<String> announcedHead = new java.util.concurrent.atomic.AtomicReference<>();
    private final StatusWatcher watcher;
    private volatile boolean blameShown;
    private final long openedNanos = System.nanoTime();
    private volatile boolean firstRead = true;

    private GitSession(KernelServices services, Repository repo) {
        this.services = services;
        this.repo = repo;
        this.workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        this.actions = new GitActions(repo, statusReader);
        this.history = new GitHistory(repo);
        this.watcher = StatusWatcher.create(workTree, this::refresh);
        refresh(); // the watcher starts once this first status is out
    }

    /** Opens the repository of the open folder, or refuses, saying why. */
    static GitSession open(KernelServices services) {
        FileStoreTiming.inBackground();
        Path ws = services.workspace().toAbsolutePath().normalize();
        if (!services.permissions().canRead(ws.resolve(".git").resolve("HEAD")) || !services.permissions().canWrite(ws.resolve(".git").resolve("index"))) {
            throw new ExtensionException(ErrorCode.PERMISSION_DENIED, "Git needs to read and write the open folder "
                    + ws + " (its manifest's ${workspace}/** grant)");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(ws.toFile());
        if (builder.getGitDir() == null) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "The open folder " + ws + " is not in a Git repository");
        }
        try {
            Repository repo = builder.build();
            Path top = repo.isBare() ? null : repo.getWorkTree().toPath().toAbsolutePath().normalize();
            Path gitDir = repo.getDirectory().toPath().toAbsolutePath().normalize();
            if (top == null || !top.equals(ws) || !services.permissions().canWrite(gitDir.resolve("index"))) {
                repo.close();
                throw new ExtensionException(ErrorCode.PERMISSION_DENIED, "The repository " + (top == null ? gitDir : top)
                        + " is not the open folder " + ws + " (its .git outside the folder cannot be read): open the repository's folder");
            }
            return new GitSession(services, repo);
        } catch (IOException e) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, "Could not open the repository in " + ws + ": " + e.getMessage());
        }
    }

    GitActions actions() {
        return actions;
    }

    Repository repository() {
        return repo;
    }

    GitStash stash() {
        return new GitStash(repo);
    }

    /** How many stash entries there are (0 when they cannot be read). */
    int stashCount() {
        try {
            return stash().list().size();
        } catch (GitActions.GitException e) {
            return 0;
        }
    }

    GitHistory history() {
        return history;
    }

    GitStatus last() {
        return last;
    }

    boolean reading() {
        return reading;
    }

    List<String> branchesOrEmpty() {
        return branches;
    }

    List<String> branches() {
        try {
            branches = actions.branches();
        } catch (GitActions.GitException e) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, e.getMessage());
        }
        return branches;
    }

    /** Reads the status now, on the caller's thread and the walkers (the {@code status} capability), and keeps it. */
    GitStatus readNow() {
        try {
            GitStatus s = statusReader.status(repo);
            last = s;
            return s;
        } catch (IOException e) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, "Could not read the status of " + workTree + ": " + e.getMessage());
        }
    }

    /** Reads the status now on the caller's thread after an action the user took in the view, and tells the workbench. */
    void readAndAnnounce() {
        GitStatus s = readNow();
        branches();
        announce(s);
    }

    /** Reads the status again on the {@code git-status} thread, then tells the workbench. */
    void refresh() {
        if (!queued.compareAndSet(false, true)) {
            return; // one is waiting already; it will see this change too
        }
        reader.execute(() -> {
            queued.set(false);
            reading = true;
            try {
                GitStatus s = statusReader.status(repo);
                branches = actions.branches();
                last = s;
                watcher.skip(s);
                announce(s);
                if (firstRead) {
                    firstRead = false;
                    services.log().info("first status: " + s.entries().size() + " entries, announced "
                            + (System.nanoTime() - openedNanos) / 1_000_000 + " ms after the repository was opened");
                }
            } catch (IOException | GitActions.GitException | RuntimeException e) {
                services.log().warn("git status failed: " + e);
            } finally {
                reading = false;
                services.events().emit("workbench.viewChanged", NODES.objectNode().put("view", GitExtension.VIEW));
                watcher.start();
            }
        });
    }

    private void announce(GitStatus s) {
        long changes = s.entries().stream().filter(e -> !e.ignored()).count();
        String branch = s.branch() != null ? s.branch() : ScmView.abbreviate(s.head());
        services.events().emit("workbench.statusBar", NODES.objectNode().put("id", "git.branch")
                .put("text", "⎇ " + branch + (changes > 0 ? " • " + changes : "")).put("tooltip", changes + " changed files on " + branch + " (click to switch branch)"));
        services.events().emit("workbench.fileDecorations", Decorations.of(s, ""));
        String head = String.valueOf(s.head());
        if (!head.equals(announcedHead.getAndSet(head))) { // HEAD moved (commit, switch, reset): originals changed
            services.events().emit("workbench.quickDiff", NODES.objectNode().put("capability", "base-text"));
            services.events().emit("workbench.viewChanged", NODES.objectNode().put("view", HistoryView.VIEW));
            if (blameShown) {
                showBlame(true); // the lines' commits changed: the workbench asks again
            }
        }
    }

    boolean blameShown() {
        return blameShown;
    }

    /** Turns the editor's blame annotation on or off: the workbench asks {@code blame-lines} for each file while it is on. */
    void showBlame(boolean on) {
        blameShown = on;
        services.events().emit("workbench.lineAnnotations", NODES.objectNode().put("capability", EditorCapabilities.BLAME_LINES).put("enabled", on));
    }

    /** The paths of one group of the view ("staged", "changes", "untracked", "conflicts"). */
    List<String> pathsOf(String group) {
        GitStatus s = last == null ? readNow() : last;
        return s.entries().stream().filter(e -> switch (group == null ? "" : group) {
            case "staged" -> e.staged();
            case "changes" -> e.changedInWorkTree();
            case "untracked" -> e.untracked();
            case "conflicts" -> e.conflicted();
            default -> false;
        }).map(GitStatus.Entry::path).toList();
    }

    /** A workspace-relative path as the repository names it; refuses one that leaves the folder. */
    String repoPath(String workspaceRelative) {
        Path p = workTree.resolve(workspaceRelative).normalize();
        if (workspaceRelative.isEmpty() || !p.startsWith(workTree) || p.equals(workTree) || p.startsWith(workTree.resolve(".git"))) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "'" + workspaceRelative + "' is not a file in the open folder");
        }
        return workTree.relativize(p).toString().replace(File.separatorChar, '/');
    }

    String workspacePath(String repoPath) {
        return repoPath;
    }

    /**
     * Who commits: the repository's own {@code user.name}/{@code user.email} when its {@code .git/config} sets them
     * (JGit reads them), else the user's global git config ({@code ~/.gitconfig} over {@code ~/.config/git/config}, as
     * git ranks them), read through the kernel under the manifest's grant for those two files (a sandboxed host cannot
     * see the home folder); null leaves JGit's default.
     */
    PersonIdent identity() {
        try {
            FileBasedConfig local = new FileBasedConfig(repo.getDirectory().toPath().resolve("config").toFile(), FS.DETECTED);
            local.load();
            if (local.getString("user", null, "name") != null) {
                return null;
            }
        } catch (IOException | ConfigInvalidException e) {
            return null; // JGit reports the bad config when it commits
        }
        String name = null;
        String email = null;
        for (String file : List.of(".gitconfig", ".config/git/config")) {
            try {
                Config global = new Config();
                global.fromText(services.files().read(services.home().resolve(file).toString()));
                name = name != null ? name : global.getString("user", null, "name");
                email = email != null ? email : global.getString("user", null, "email");
            } catch (RuntimeException | ConfigInvalidException e) {
                // not there, not readable or not granted (ExtensionException; the SDK's harness: UncheckedIOException): the next one
            }
        }
        return name == null ? null : new PersonIdent(name, email == null ? "" : email);
    }

    @Override
    public void close() {
        watcher.close();
        reader.shutdownNow();
        walkers.shutdownNow();
        repo.close();
    }
}
