package dev.symphony.samples.git;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Source Control view's hunks: a file of Changes or Staged Changes expanded (its ▸ button) lists its hunks under
 * it, each with its patch and a button that stages (+) or unstages (−) that hunk alone ({@link GitHunks}). Button ids
 * carry what they act on ({@code ACTION|GROUP|INDEX|PATH}), so an event needs no state.
 */
final class ScmHunks {
    private final Set<String> expanded = ConcurrentHashMap.newKeySet(); // GROUP|PATH

    static boolean handles(String action) {
        return List.of("expand", "stageHunk", "unstageHunk").contains(action);
    }

    /** Expands or collapses a file, or stages or unstages one hunk; the notice to show, or null. */
    String run(String action, String nodeId, GitSession s) throws GitActions.GitException {
        String[] parts = nodeId == null ? new String[0] : nodeId.split("\\|", action.equals("expand") ? 3 : 4);
        if (action.equals("expand") && parts.length == 3) {
            String key = parts[1] + "|" + parts[2];
            if (!expanded.remove(key)) {
                expanded.add(key);
            }
            return null;
        }
        if (parts.length != 4 || !parts[2].matches("\\d{1,6}")) {
            throw new GitActions.GitException("'" + nodeId + "' names no hunk");
        }
        int index = Integer.parseInt(parts[2]);
        GitHunks hunks = new GitHunks(s.repository());
        String path = s.repoPath(parts[3]);
        if (action.equals("stageHunk")) {
            hunks.stage(path, GitHunks.Choice.hunks(List.of(index)));
            return "Staged hunk " + (index + 1) + " of " + path;
        }
        hunks.unstage(path, GitHunks.Choice.hunks(List.of(index)));
        return "Unstaged hunk " + (index + 1) + " of " + path;
    }

    /** The hunks of the expanded files still in their group ({@code GROUP|PATH} to its unstaged or staged hunks). */
    Map<String, List<GitHunks.Hunk>> shown(GitSession s, GitStatus status) {
        Map<String, List<GitHunks.Hunk>> out = new HashMap<>();
        if (status == null || expanded.isEmpty()) {
            return out;
        }
        for (String key : List.copyOf(expanded)) {
            String group = key.substring(0, key.indexOf('|'));
            String path = key.substring(key.indexOf('|') + 1);
            boolean there = status.entries().stream().anyMatch(e -> e.path().equals(path)
                    && (group.equals("changes") ? e.changedInWorkTree() : group.equals("staged") && e.staged()));
            if (!there) {
                expanded.remove(key);
                continue;
            }
            try {
                GitHunks.Hunks h = new GitHunks(s.repository()).of(path);
                out.put(key, group.equals("changes") ? h.unstaged() : h.staged());
            } catch (GitActions.GitException e) {
                out.put(key, List.of()); // new, deleted, binary, conflicted: the file's own + and − only
            }
        }
        return out;
    }
}
