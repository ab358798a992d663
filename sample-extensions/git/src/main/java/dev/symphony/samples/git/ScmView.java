package dev.symphony.samples.git;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.sdk.api.VirtualNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Source Control view as a VirtualNode tree: the branch (a select that switches), the commit message (Enter
 * commits what is staged; "Amend" amends HEAD), then the changes grouped as {@code git status} groups them — merge
 * conflicts, staged, changed, untracked — each file with its status letter, a Diff button and stage (+) or unstage (−).
 * A file row's buttons carry the action and the path in their ids ({@code ACTION|GROUP|PATH}), so an event needs no
 * state. Groups show their first {@link #MAX_ROWS} files and say how many more there are.
 */
final class ScmView {
    static final int MAX_ROWS = 300;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScmView() {
    }

    /** What the view shows besides the status: the branches, the last message to the user, whether a read is running. */
    record Extras(List<String> branches, String notice, boolean reading, boolean amend, int stashes,
                  java.util.Map<String, List<GitHunks.Hunk>> hunks) {
    }

    static VirtualNode render(GitStatus status, Extras extras) {
        List<VirtualNode> children = new ArrayList<>();
        if (extras.notice() != null) {
            children.add(VirtualNode.of("notice", "text").withProp("text", NODES.textNode(extras.notice())).withProp("style", NODES.textNode("caption")));
        }
        if (status == null) {
            children.add(VirtualNode.of("reading", "progress").withProp("value", NODES.numberNode(-1)));
            return column(children);
        }
        String branch = status.branch() != null ? status.branch() : "(detached at " + abbreviate(status.head()) + ")";
        ArrayNode options = NODES.arrayNode();
        extras.branches().forEach(options::add);
        VirtualNode head = VirtualNode.of("head", "row").withChildren(
                VirtualNode.of("branchLabel", "text").withProp("text", NODES.textNode("Branch")),
                VirtualNode.of("branch", "select").withProp("options", options).withProp("value", NODES.textNode(branch))
                        .withProp("tooltip", NODES.textNode("Switch branch")).on("change", "switch"),
                VirtualNode.of("refresh", "button").withProp("text", NODES.textNode("⟳")).withProp("tooltip", NODES.textNode("Refresh"))
                        .on("click", "refresh"));
        children.add(head);
        children.add(toolbar(extras));
        if (extras.reading()) {
            children.add(VirtualNode.of("reading", "progress").withProp("value", NODES.numberNode(-1)));
        }
        children.add(VirtualNode.of("message", "textField").withProp("placeholder",
                NODES.textNode("Message (Enter to commit" + (extras.amend() ? ", amending HEAD)" : ")"))).on("change", "commit"));
        children.add(VirtualNode.of("amend", "checkbox").withProp("text", NODES.textNode("Amend the last commit"))
                .withProp("checked", NODES.booleanNode(extras.amend())).on("change", "amend"));
        group(children, status, "conflicts", "Merge Conflicts", GitStatus.Entry::conflicted, "stage", "+", "Mark resolved (stage)", extras);
        group(children, status, "staged", "Staged Changes", GitStatus.Entry::staged, "unstage", "−", "Unstage", extras);
        group(children, status, "changes", "Changes", GitStatus.Entry::changedInWorkTree, "stage", "+", "Stage", extras);
        group(children, status, "untracked", "Untracked", GitStatus.Entry::untracked, "stage", "+", "Stage", extras);
        if (status.entries().stream().allMatch(GitStatus.Entry::ignored)) {
            children.add(VirtualNode.of("clean", "text").withProp("text", NODES.textNode("No changes.")).withProp("style", NODES.textNode("muted")));
        }
        return column(children);
    }

    /** Stash and pop, fetch, pull and push to origin, and a new branch's name (Enter makes it and switches to it). */
    private static VirtualNode toolbar(Extras extras) {
        List<VirtualNode> stash = new ArrayList<>();
        stash.add(button("stash", "Stash", "Stash the local changes, untracked files too (git stash push -u)"));
        if (extras.stashes() > 0) {
            stash.add(button("stashPop", "Pop Stash (" + extras.stashes() + ")", "Apply the newest stash entry and drop it (git stash pop)"));
        }
        // two rows: five buttons do not fit the side bar's width and would be cut to "…"
        return VirtualNode.of("toolbar", "column").withChildren(
                VirtualNode.of("remoteActions", "row").withChildren(button("fetch", "Fetch", "git fetch " + ScmToolbar.REMOTE),
                        button("pull", "Pull", "git pull " + ScmToolbar.REMOTE + " (the current branch)"),
                        button("push", "Push", "git push " + ScmToolbar.REMOTE + " (the current branch)")),
                VirtualNode.of("stashActions", "row").withChildren(stash.toArray(VirtualNode[]::new)),
                VirtualNode.of("newBranch", "textField").withProp("placeholder", NODES.textNode("New branch from HEAD (Enter creates and switches)"))
                        .on("change", "createBranch"));
    }

    private static VirtualNode button(String action, String text, String tooltip) {
        return VirtualNode.of(action, "button").withProp("text", NODES.textNode(text)).withProp("tooltip", NODES.textNode(tooltip)).on("click", action);
    }

    private static VirtualNode column(List<VirtualNode> children) {
        return VirtualNode.of("scm", "column").withProp("state", NODES.objectNode()).withChildren(children.toArray(VirtualNode[]::new));
    }

    private static void group(List<VirtualNode> out, GitStatus status, String group, String title, Predicate<GitStatus.Entry> in,
                              String action, String sign, String tip, Extras extras) {
        List<GitStatus.Entry> files = status.entries().stream().filter(in).toList();
        if (files.isEmpty()) {
            return;
        }
        out.add(VirtualNode.of("group|" + group, "row").withChildren(
                VirtualNode.of("title|" + group, "text").withProp("text", NODES.textNode(title + " (" + files.size() + ")"))
                        .withProp("style", NODES.textNode("title")),
                VirtualNode.of(action + "All|" + group, "button").withProp("text", NODES.textNode(sign))
                        .withProp("tooltip", NODES.textNode(tip + " all")).on("click", action + "All")));
        for (int i = 0; i < files.size() && i < MAX_ROWS; i++) {
            GitStatus.Entry e = files.get(i);
            String[] look = Decorations.look(e);
            String key = group + "|" + e.path();
            boolean hunked = group.equals("changes") || group.equals("staged");
            List<GitHunks.Hunk> hunks = extras.hunks().get(key);
            List<VirtualNode> row = new ArrayList<>();
            if (hunked) {
                row.add(VirtualNode.of("expand|" + key, "button").withProp("text", NODES.textNode(hunks == null ? "▸" : "▾"))
                        .withProp("tooltip", NODES.textNode(hunks == null ? "Show the hunks, to " + tip.toLowerCase(java.util.Locale.ROOT) + " one by one" : "Hide the hunks"))
                        .on("click", "expand"));
            }
            row.addAll(List.of(VirtualNode.of("code|" + key, "badge").withProp("text", NODES.textNode(letter(e, group)))
                            .withProp("color", NODES.textNode(look[1])).withProp("tooltip", NODES.textNode(look[2])),
                    VirtualNode.of("path|" + key, "text").withProp("text", NODES.textNode(e.from() == null ? e.path() : e.from() + " → " + e.path())),
                    VirtualNode.of("diff|" + key, "button").withProp("text", NODES.textNode("Diff"))
                            .withProp("tooltip", NODES.textNode("Open the changes against HEAD")).on("click", "diff"),
                    VirtualNode.of(action + "|" + key, "button").withProp("text", NODES.textNode(sign))
                            .withProp("tooltip", NODES.textNode(tip)).on("click", action)));
            out.add(VirtualNode.of("file|" + key, "row").withChildren(row.toArray(VirtualNode[]::new)));
            if (hunks != null) {
                hunkRows(out, group, e.path(), hunks, action + "Hunk", sign, tip);
            }
        }
        if (files.size() > MAX_ROWS) {
            out.add(VirtualNode.of("more|" + group, "text").withProp("text", NODES.textNode("… and " + (files.size() - MAX_ROWS) + " more"))
                    .withProp("style", NODES.textNode("muted")));
        }
    }

    /** A row per hunk under an expanded file: its button ({@code ACTION|GROUP|INDEX|PATH}) and its patch (cut at 40 lines). */
    private static void hunkRows(List<VirtualNode> out, String group, String path, List<GitHunks.Hunk> hunks, String action, String sign, String tip) {
        if (hunks.isEmpty()) {
            out.add(VirtualNode.of("nohunks|" + group + "|" + path, "text").withProp("style", NODES.textNode("muted"))
                    .withProp("text", NODES.textNode("No hunks: new, deleted or binary — " + tip.toLowerCase(java.util.Locale.ROOT) + " the whole file")));
            return;
        }
        for (GitHunks.Hunk h : hunks) {
            String key = group + "|" + h.index() + "|" + path;
            String[] lines = h.patch().split("\n", -1);
            String patch = lines.length > 41 ? String.join("\n", java.util.Arrays.copyOf(lines, 40)) + "\n… " + (lines.length - 41) + " more lines"
                    : h.patch().stripTrailing();
            out.add(VirtualNode.of("hunk|" + key, "row").withChildren(
                    VirtualNode.of(action + "|" + key, "button").withProp("text", NODES.textNode(sign))
                            .withProp("tooltip", NODES.textNode(tip + " this hunk (" + h.header() + ")")).on("click", action),
                    VirtualNode.of("patch|" + key, "code").withProp("code", NODES.textNode(patch))));
        }
    }

    /** The letter of the column the group is about: the index's for staged files, the work tree's otherwise. */
    private static String letter(GitStatus.Entry e, String group) {
        return switch (group) {
            case "staged" -> String.valueOf(e.x());
            case "changes" -> String.valueOf(e.y());
            case "untracked" -> "U";
            default -> e.code();
        };
    }

    /** The path of a file row's button id ({@code ACTION|GROUP|PATH}), or null. */
    static String pathOf(String nodeId) {
        int a = nodeId == null ? -1 : nodeId.indexOf('|');
        int b = a < 0 ? -1 : nodeId.indexOf('|', a + 1);
        return b < 0 ? null : nodeId.substring(b + 1);
    }

    /** The group of an "…All" button's id ({@code ACTIONAll|GROUP}). */
    static String groupOf(String nodeId) {
        int a = nodeId == null ? -1 : nodeId.indexOf('|');
        return a < 0 ? null : nodeId.substring(a + 1);
    }

    static String abbreviate(String id) {
        return id == null ? "no commit" : id.substring(0, Math.min(7, id.length()));
    }
}
