package dev.symphony.samples.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status the extension reads against {@code git status --porcelain} on the same repository, and that reading writes nothing. */
class StatusReaderTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsGit() {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable is needed to compare against");
    }

    static List<String> ours(Path dir) throws Exception {
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(dir.toFile()).setMustExist(true).build()) {
            return StatusReader.read(repo).entries().stream().map(GitStatus.Entry::porcelain).sorted().toList();
        }
    }

    /** The same read in parts of a single entry and more (at most 8, walked by the caller and two helpers side by side). */
    static List<String> oursInParts(Path dir) throws Exception {
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(dir.toFile()).setMustExist(true).build()) {
            return new StatusReader(ForkJoinPool.commonPool(), 2, 8, 1).status(repo).entries().stream()
                    .map(GitStatus.Entry::porcelain).sorted().toList();
        }
    }

    @Test
    void matchesGitWithRenamesDeletionsUntrackedIgnoredAndConflicts() throws Exception {
        ScratchRepo repo = new ScratchRepo(dir);
        repo.buildEverything();
        List<String> git = repo.porcelain();
        // the fixture really has what it claims, so the comparison covers it
        for (String expected : List.of("UU conflict.txt", "AA both-added.txt", "DU gone-here.txt", "UD gone-there.txt",
                "R  rename-me.txt -> renamed.txt", "RM rename-edit.txt -> renamed-edit.txt", " D delete-me.txt",
                "D  untrack-me.txt", "?? untrack-me.txt", "AM new-staged.txt", " M dir/edit.txt", "?? loose/deeper/two.txt",
                "!! debug.log", "!! build")) {
            assertTrue(git.contains(expected), "git's status lacks '" + expected + "': " + git);
        }
        assertEquals(git, ours(dir));
        assertEquals(git, oursInParts(dir));
    }

    @Test
    void anIgnoredFileTakenOutOfTheIndexIsIgnoredNotUntracked() throws Exception {
        ScratchRepo repo = new ScratchRepo(dir);
        repo.write(".gitignore", "*.log\nbuild/\n");
        repo.write("kept.log", "added with -f\n");
        repo.write("build/out.txt", "added with -f\n");
        repo.git("add", ".gitignore");
        repo.git("add", "-f", "kept.log", "build/out.txt");
        repo.git("commit", "-q", "-m", "base");
        repo.git("rm", "-q", "--cached", "kept.log", "build/out.txt");
        List<String> git = repo.porcelain();
        assertEquals(List.of("!! build", "!! kept.log", "D  build/out.txt", "D  kept.log"), git); // no "??": IndexDiff says so
        assertEquals(git, ours(dir));
        assertEquals(git, oursInParts(dir));
    }

    @Test
    void cleanAndEmptyRepositories() throws Exception {
        ScratchRepo repo = new ScratchRepo(dir);
        assertEquals(repo.porcelain(), ours(dir)); // no commit yet, nothing there
        repo.write("a.txt", "a\n");
        repo.write("sub/b.txt", "b\n");
        assertEquals(repo.porcelain(), ours(dir));
        repo.git("add", "a.txt");
        assertEquals(repo.porcelain(), ours(dir)); // staged before the first commit
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "first");
        assertEquals(List.of(), ours(dir));
        assertEquals(repo.porcelain(), ours(dir));
    }

    @Test
    void readingTheStatusWritesNothingInTheRepository() throws Exception {
        ScratchRepo repo = new ScratchRepo(dir);
        repo.buildEverything();
        repo.write("dir/edit.txt", "after, and again\n"); // a racily clean entry would tempt a refresh of the index
        Thread.sleep(1100);
        Map<String, String> before = repo.snapshot();
        ours(dir);
        oursInParts(dir);
        assertEquals(before, repo.snapshot());
    }
}
