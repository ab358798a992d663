package dev.symphony.samples.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The History view's graph against {@code git log --graph}: over a seeded random history made by the git executable
 * (commits on branches, new branches, switches, merges), each commit's lane is the column git draws its {@code *} in,
 * for the same order; and the extension's log is in an order git's graph accepts (every commit before its parents).
 * {@code -Dsymphony.test.seed=N} (or {@code SYMPHONY_TEST_SEED}) repeats a run.
 */
class HistoryGraphTest {
    @TempDir
    Path dir;

    @Test
    void lanesAreTheColumnsGitDraws() throws Exception {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable is needed to compare against");
        long seed = ScratchRepo.seed("HistoryGraphTest");
        Random random = new Random(seed);
        ScratchRepo repo = new ScratchRepo(dir);
        List<String> branches = new ArrayList<>(List.of("main"));
        String current = "main";
        int merges = 0;
        for (int step = 0; step < 36; step++) {
            int op = step < 2 ? 0 : random.nextInt(10);
            if (op < 5) {
                repo.write("f" + step + ".txt", "step " + step + "\n"); // a file per commit: merges never conflict
                repo.git("add", "-A");
                repo.git("commit", "-q", "-m", "c" + step + " on " + current);
            } else if (op < 7 && branches.size() < 5) {
                current = "b" + step;
                branches.add(current);
                repo.git("switch", "-q", "-c", current);
            } else if (op < 8) {
                current = branches.get(random.nextInt(branches.size()));
                repo.git("switch", "-q", current);
            } else {
                String other = branches.get(random.nextInt(branches.size()));
                if (!other.equals(current)) {
                    repo.git("merge", "-q", "--no-ff", "-m", "merge " + other + " into " + current, other);
                    merges++;
                }
            }
        }
        repo.git("switch", "-q", "main");
        for (String b : branches) {
            if (!b.equals("main")) {
                repo.git("merge", "-q", "--no-ff", "-m", "merge " + b, b);
                merges++;
            }
        }

        List<GitHistory.Commit> order = new ArrayList<>();
        List<Integer> gitColumns = new ArrayList<>();
        String graph = repo.git("log", "--graph", "--format=@%H %P"); // lanes right of the commit's * come before the @
        for (String line : graph.split("\n")) {
            int star = line.indexOf('*');
            if (star >= 0) {
                String[] ids = line.substring(line.indexOf('@') + 1).trim().split(" ");
                order.add(new GitHistory.Commit(ids[0], List.of(ids).subList(1, ids.length), "", "", 0, ""));
                gitColumns.add(star / 2);
            }
        }
        List<Integer> ours = HistoryGraph.rows(order).stream().map(HistoryGraph.Row::column).toList();
        assertEquals(gitColumns, ours, "lanes of seed " + seed + " against git log --graph:\n" + graph);
        assertTrue(merges > 0 && gitColumns.stream().anyMatch(c -> c > 0), "the history branches and merges: " + graph);

        try (var jgit = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).build()) {
            List<GitHistory.Commit> log = new GitHistory(jgit).log(HistoryView.MAX_COMMITS);
            assertEquals(order.size(), log.size());
            Set<String> seen = new HashSet<>();
            for (GitHistory.Commit c : log) {
                for (String p : c.parents()) {
                    assertTrue(!seen.contains(p), "a parent listed before its child " + c.id() + " (seed " + seed + ")");
                }
                seen.add(c.id());
            }
        }
    }
}
