package dev.symphony.samples.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.Addon;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.ExtensionContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.api.UiEvent;
import dev.symphony.sdk.api.VirtualNode;
import dev.symphony.sdk.services.KernelServices;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry class of {@code dev.symphony.samples.git}. Capabilities: the Source Control view ({@code scm}), {@code status},
 * {@code stage}, {@code unstage}, {@code commit}, {@code branches}, {@code switch}, {@code base-text} (HEAD's text of a
 * file, for the workbench's diff view and gutter markers), {@code refresh}, and the History view ({@code history},
 * {@link HistoryView}) with {@code log} and {@code show}; stash, blame and fetch/pull/push; hunks and the editor's
 * commands ({@link EditorCapabilities}); the view's toolbar ({@link ScmToolbar}) and hunks ({@link ScmHunks}). The status is read on the extension's
 * own thread ({@link GitSession}); the view renders the last one read, so no call blocks the host's bus thread on a
 * large repository. Every change it makes is one the user asked for through a capability.
 */
public class GitExtension implements SymphonyExtension, Addon {
    static final String VIEW = "git.scm";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private volatile GitSession session;
    private volatile boolean amend;
    private volatile String notice;
    private final ScmHunks hunks = new ScmHunks();

    @Override
    public void register(Capabilities capabilities) {
        capabilities.addon("scm", this);
        capabilities.addon("history", new HistoryView(this::session));
        capabilities.operator("log", (in, ctx) -> {
            ObjectNode out = NODES.objectNode();
            var commits = out.putArray("commits");
            for (GitHistory.Commit c : history(ctx, h -> h.log(in.path("max").asInt(HistoryView.MAX_COMMITS)))) {
                ObjectNode o = commits.addObject().put("id", c.id()).put("author", c.author()).put("email", c.email())
                        .put("time", c.time()).put("subject", c.subject());
                c.parents().forEach(o.putArray("parents")::add);
            }
            return out;
        });
        capabilities.operator("show", (in, ctx) -> {
            GitHistory.Shown shown = history(ctx, h -> h.show(in.path("commit").asText()));
            ObjectNode out = NODES.objectNode().put("id", shown.commit().id()).put("patch", shown.patch()).put("cut", shown.cut());
            var files = out.putArray("files");
            shown.files().forEach(f -> files.addObject().put("change", f.change()).put("path", f.path()));
            return out;
        });
        capabilities.operator("status", (in, ctx) -> session(ctx).readNow().toJson());
        capabilities.operator("stage", (in, ctx) -> act(ctx, s -> s.actions().stage(paths(in))));
        capabilities.operator("unstage", (in, ctx) -> act(ctx, s -> s.actions().unstage(paths(in))));
        capabilities.operator("commit", this::commit);
        capabilities.operator("branches", (in, ctx) -> {
            GitSession s = session(ctx);
            ObjectNode out = NODES.objectNode().put("current", s.readNow().branch());
            s.branches().forEach(out.putArray("branches")::add);
            return out;
        });
        capabilities.operator("switch", this::switchBranch);
        capabilities.operator("stash", this::stash);
        capabilities.operator("fetch", (in, ctx) -> remote(in, ctx, (r, name) -> {
            var moved = NODES.arrayNode();
            r.fetch(name).forEach(moved::add);
            return NODES.objectNode().set("updated", moved);
        }));
        capabilities.operator("pull", (in, ctx) -> remote(in, ctx, (r, name) -> NODES.objectNode().put("merge", r.pull(name))));
        capabilities.operator("push", (in, ctx) -> remote(in, ctx, (r, name) -> {
            r.push(name);
            return NODES.objectNode().put("pushed", true);
        }));
        capabilities.operator("blame", (in, ctx) -> {
            GitSession s = session(ctx);
            ObjectNode out = NODES.objectNode();
            var lines = out.putArray("lines");
            try {
                for (GitBlame.Line l : new GitBlame(s.repository()).of(s.repoPath(in.path("file").asText()))) {
                    ObjectNode o = lines.addObject().put("line", l.line()).put("commit", l.commit());
                    if (l.commit() != null) {
                        o.put("author", l.author()).put("time", l.time()).put("subject", l.subject());
                    }
                }
            } catch (GitActions.GitException e) {
                throw new ExtensionException(ErrorCode.INVALID_INPUT, e.getMessage());
            }
            return out;
        });
        new EditorCapabilities(this::session, this::refused).register(capabilities, this);
        capabilities.operator("base-text", (in, ctx) -> {
            try {
                GitActions.BaseText b = session(ctx).actions().baseText(session(ctx).repoPath(in.path("file").asText()));
                return NODES.objectNode().put("text", b.text()).put("revision", b.revision()).put("binary", b.binary());
            } catch (GitActions.GitException e) {
                throw new ExtensionException(ErrorCode.INVALID_INPUT, e.getMessage());
            }
        });
        capabilities.operator("refresh", (in, ctx) -> {
            session(ctx).refresh();
            return NODES.objectNode().put("refreshing", true);
        });
    }

    @Override
    public void deactivate() {
        GitSession s = session;
        if (s != null) {
            s.close();
        }
    }

    /**
     * Activated (a folder with {@code .git} was opened, or the view or a command was used): the repository is opened and
     * its status read on a thread of its own, so the status bar and the file tree show it without anyone asking.
     */
    @Override
    public void activate(ExtensionContext context) {
        Thread t = new Thread(() -> {
            try {
                session(context.services());
            } catch (ExtensionException e) {
                context.services().log().info("Git is idle: " + e.getMessage());
            }
        }, "git-open");
        t.setDaemon(true);
        t.start();
    }

    private GitSession session(CallContext ctx) {
        return session(ctx.services());
    }

    private GitSession session(KernelServices services) {
        GitSession s = session;
        if (s == null) {
            synchronized (this) {
                if (session == null) {
                    session = GitSession.open(services);
                }
                s = session;
            }
        }
        return s;
    }

    @Override
    public VirtualNode render(JsonNode state, CallContext ctx) {
        GitSession s;
        try {
            s = session(ctx);
        } catch (ExtensionException e) {
            return VirtualNode.of("scm", "column").withChildren(VirtualNode.of("notice", "text").withProp("text", NODES.textNode(e.getMessage())));
        }
        GitStatus last = s.last();
        return ScmView.render(last, new ScmView.Extras(s.branchesOrEmpty(), notice, s.reading(), amend, s.stashCount(), hunks.shown(s, last)));
    }

    /**
     * Calls run on the host's workers (the manifest declares their latency, so the bus thread keeps heartbeating while
     * JGit reads a large repository); what changes the repository runs one at a time.
     */
    @Override
    public synchronized VirtualNode onEvent(UiEvent event, CallContext ctx) {
        String action = event.action() == null ? "" : event.action();
        notice = null;
        try {
            GitSession s = session(ctx);
            switch (action) {
                case "stage" -> s.actions().stage(List.of(ScmView.pathOf(event.nodeId())));
                case "unstage" -> s.actions().unstage(List.of(ScmView.pathOf(event.nodeId())));
                case "stageAll", "unstageAll" -> {
                    String group = ScmView.groupOf(event.nodeId());
                    List<String> paths = s.pathsOf(group);
                    if (action.equals("stageAll")) {
                        s.actions().stage(paths);
                    } else {
                        s.actions().unstage(paths);
                    }
                }
                case "commit" -> notice = "Committed " + ScmView.abbreviate(s.actions().commit(event.value().asText(""), amend, s.identity()))
                        + (amend ? " (amended)" : "");
                case "amend" -> amend = event.value().asBoolean(false);
                case "switch" -> {
                    String branch = event.value().asText("");
                    if (!branch.equals(s.last() == null ? null : s.last().branch())) {
                        s.actions().switchTo(branch, false);
                        notice = "Switched to " + branch;
                    }
                }
                case "diff" -> ctx.services().events().emit("workbench.openDiff",
                        NODES.objectNode().put("file", s.workspacePath(ScmView.pathOf(event.nodeId()))));
                case "refresh" -> { }
                default -> notice = ScmToolbar.handles(action) ? ScmToolbar.run(action, event.value() == null ? null : event.value().asText(null), s, ctx)
                        : ScmHunks.handles(action) ? hunks.run(action, event.nodeId(), s) : "Unknown action '" + action + "'";
            }
            if (!action.equals("amend") && !action.equals("diff") && !action.equals("expand")) {
                s.readAndAnnounce(); // the answer shows the result of the action at once
            }
            if (action.equals("commit")) {
                amend = false;
            }
        } catch (GitActions.GitException e) {
            notice = e.getMessage();
        } catch (ExtensionException e) {
            notice = e.getMessage();
        }
        return render(event.state(), ctx);
    }

    private synchronized JsonNode commit(JsonNode in, CallContext ctx) {
        GitSession s = session(ctx);
        if (in.has("command")) { // the palette: ask for the message
            ctx.services().events().emit("workbench.quickPick", NODES.objectNode().put("id", "commitMessage")
                    .put("placeholder", "Commit message (staged changes)").put("capability", "commit").set("items", NODES.arrayNode()));
            return NODES.objectNode().put("asked", "commitMessage");
        }
        JsonNode message = in.has("prompt") ? in.get("value") : in.get("message");
        if (message == null || message.isNull()) {
            return NODES.objectNode().put("cancelled", true);
        }
        try {
            String id = s.actions().commit(message.asText(), in.path("amend").asBoolean(false), s.identity());
            s.refresh();
            return NODES.objectNode().put("commit", id);
        } catch (GitActions.GitException e) {
            throw refused(ctx, e);
        }
    }

    private synchronized JsonNode switchBranch(JsonNode in, CallContext ctx) {
        GitSession s = session(ctx);
        if (in.has("command")) { // the palette or the status bar: ask which branch
            var items = NODES.arrayNode();
            s.branches().forEach(items::add);
            ctx.services().events().emit("workbench.quickPick", NODES.objectNode().put("id", "branch")
                    .put("placeholder", "Switch to branch").put("capability", "switch").set("items", items));
            return NODES.objectNode().put("asked", "branch");
        }
        JsonNode branch = in.has("prompt") ? in.get("value") : in.get("branch");
        if (branch == null || branch.isNull()) {
            return NODES.objectNode().put("cancelled", true);
        }
        try {
            s.actions().switchTo(branch.asText(), in.path("create").asBoolean(false));
            s.refresh();
            return NODES.objectNode().put("branch", branch.asText());
        } catch (GitActions.GitException e) {
            throw refused(ctx, e);
        }
    }

    /** {@code {action: push|pop|list}}: push takes {@code message} and {@code includeUntracked}, pop an {@code index} (0). */
    private synchronized JsonNode stash(JsonNode in, CallContext ctx) {
        GitSession s = session(ctx);
        try {
            GitStash stash = s.stash();
            ObjectNode out = NODES.objectNode();
            switch (in.path("action").asText("list")) {
                case "push" -> {
                    out.put("stashed", stash.push(in.path("message").asText(null), in.path("includeUntracked").asBoolean(false), s.identity()));
                    s.refresh();
                }
                case "pop" -> {
                    stash.pop(in.path("index").asInt(0));
                    s.refresh();
                    out.put("popped", in.path("index").asInt(0));
                }
                case "list" -> {
                    var entries = out.putArray("entries");
                    stash.list().forEach(e -> entries.addObject().put("index", e.index()).put("id", e.id()).put("message", e.message()));
                }
                default -> throw new ExtensionException(ErrorCode.INVALID_INPUT, "$.action: push, pop or list, not '" + in.path("action").asText() + "'");
            }
            return out;
        } catch (GitActions.GitException e) {
            throw refused(ctx, e);
        }
    }

    /**
     * A fetch, pull or push to {@code {remote}} (origin by default): its progress in the status bar's Git item, cancelled
     * when the caller gives up; the status read again after it, success or not.
     */
    private synchronized JsonNode remote(JsonNode in, CallContext ctx, RemoteAction action) {
        GitSession s = session(ctx);
        String name = in.path("remote").asText("origin");
        try {
            return action.run(ScmToolbar.remotes(s, ctx, name), name);
        } catch (GitActions.GitException e) {
            throw refused(ctx, e);
        } finally {
            s.refresh();
        }
    }

    private interface RemoteAction {
        JsonNode run(GitRemotes remotes, String remote) throws GitActions.GitException;
    }

    private ExtensionException refused(CallContext ctx, GitActions.GitException e) {
        ctx.services().events().emit("workbench.notify", NODES.objectNode().put("message", "Git: " + e.getMessage()).put("severity", "error"));
        return new ExtensionException(ErrorCode.INVALID_INPUT, e.getMessage());
    }

    private synchronized JsonNode act(CallContext ctx, GitAction action) {
        GitSession s = session(ctx);
        try {
            action.run(s);
            s.refresh();
            return NODES.objectNode().put("ok", true);
        } catch (GitActions.GitException e) {
            throw refused(ctx, e);
        }
    }

    private static List<String> paths(JsonNode in) {
        List<String> out = new ArrayList<>();
        in.path("paths").forEach(p -> out.add(p.asText()));
        if (out.isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "$.paths: name at least one path");
        }
        return out;
    }

    private <T> T history(CallContext ctx, HistoryRead<T> read) {
        try {
            return read.run(session(ctx).history());
        } catch (GitActions.GitException e) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, e.getMessage());
        }
    }

    private interface HistoryRead<T> {
        T run(GitHistory history) throws GitActions.GitException;
    }

    private interface GitAction {
        void run(GitSession s) throws GitActions.GitException;
    }
}
