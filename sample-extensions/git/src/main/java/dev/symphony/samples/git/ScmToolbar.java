package dev.symphony.samples.git;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.sdk.api.CallContext;
import java.util.List;

/**
 * The Source Control view's toolbar: stash ({@code git stash push -u}) and pop the newest entry, fetch, pull and push
 * the current branch to {@code origin} (progress in the status bar's Git item, cancelled with the call), and a new
 * branch made from HEAD and switched to ({@code git switch -c}). Each answers the line the view shows at its top.
 */
final class ScmToolbar {
    static final String REMOTE = "origin";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScmToolbar() {
    }

    /** True for the actions this class handles. */
    static boolean handles(String action) {
        return List.of("stash", "stashPop", "fetch", "pull", "push", "createBranch").contains(action);
    }

    /** Runs {@code action} ({@code value}: the new branch's name); the notice, or a {@link GitActions.GitException} naming the refusal. */
    static String run(String action, String value, GitSession s, CallContext ctx) throws GitActions.GitException {
        return switch (action) {
            case "stash" -> {
                String id = s.stash().push(null, true, s.identity());
                yield id == null ? "No local changes to stash" : "Stashed the local changes (stash@{0}, untracked files too)";
            }
            case "stashPop" -> {
                s.stash().pop(0);
                yield "Popped stash@{0}";
            }
            case "fetch" -> {
                List<String> moved = remotes(s, ctx, REMOTE).fetch(REMOTE);
                yield moved.isEmpty() ? "Fetched " + REMOTE + ": nothing new" : "Fetched " + String.join(", ", moved);
            }
            case "pull" -> "Pulled from " + REMOTE + ": " + remotes(s, ctx, REMOTE).pull(REMOTE);
            case "push" -> {
                remotes(s, ctx, REMOTE).push(REMOTE);
                yield "Pushed " + (s.last() == null ? "HEAD" : s.last().branch()) + " to " + REMOTE;
            }
            case "createBranch" -> {
                String name = value == null ? "" : value.strip();
                if (name.isEmpty()) {
                    throw new GitActions.GitException("type the new branch's name, then Enter");
                }
                if (s.branches().contains(name)) {
                    throw new GitActions.GitException("a branch named '" + name + "' exists: pick it in the branch list to switch to it");
                }
                s.actions().switchTo(name, true);
                yield "Created branch " + name + " and switched to it";
            }
            default -> throw new IllegalArgumentException(action);
        };
    }

    /** Fetch, pull and push with their progress in the status bar's Git item, cancelled when the caller gives up. */
    static GitRemotes remotes(GitSession s, CallContext ctx, String remote) {
        return new GitRemotes(s.repository(), step -> ctx.services().events().emit("workbench.statusBar",
                NODES.objectNode().put("id", "git.branch").put("text", "⎇ " + remote + ": " + step)), ctx::cancelled);
    }
}
