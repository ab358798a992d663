package dev.symphony.samples.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.ExtensionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What Git does for the file in the editor: its hunks ({@code hunks}), staging and unstaging the hunks the selection
 * touches ({@code stage-ranges}, {@code unstage-ranges}: VS Code's "Stage Selected Ranges"; as commands they take the
 * active editor from the workbench's command context), and blame as a line annotation ({@code blame-toggle} turns the
 * workbench's line-annotation provider on and off; {@code blame-lines} gives each line's "author, when • subject").
 */
final class EditorCapabilities {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String BLAME_LINES = "blame-lines";
    private final Function<CallContext, GitSession> sessions;
    private final Refusals refusals;

    interface Refusals {
        ExtensionException refused(CallContext ctx, GitActions.GitException e);
    }

    EditorCapabilities(Function<CallContext, GitSession> sessions, Refusals refusals) {
        this.sessions = sessions;
        this.refusals = refusals;
    }

    void register(Capabilities capabilities, Object lock) {
        capabilities.operator("hunks", (in, ctx) -> {
            GitSession s = sessions.apply(ctx);
            try {
                GitHunks.Hunks h = new GitHunks(s.repository()).of(s.repoPath(in.path("file").asText()));
                ObjectNode out = NODES.objectNode();
                hunks(out.putArray("unstaged"), h.unstaged());
                hunks(out.putArray("staged"), h.staged());
                return out;
            } catch (GitActions.GitException e) {
                throw new ExtensionException(ErrorCode.INVALID_INPUT, e.getMessage());
            }
        });
        capabilities.operator("stage-ranges", (in, ctx) -> {
            synchronized (lock) {
                return ranges(in, ctx, true);
            }
        });
        capabilities.operator("unstage-ranges", (in, ctx) -> {
            synchronized (lock) {
                return ranges(in, ctx, false);
            }
        });
        capabilities.operator("blame-toggle", (in, ctx) -> {
            GitSession s = sessions.apply(ctx);
            boolean on = in.has("enabled") ? in.get("enabled").asBoolean() : !s.blameShown();
            s.showBlame(on);
            return NODES.objectNode().put("blame", on);
        });
        capabilities.operator(BLAME_LINES, (in, ctx) -> {
            GitSession s = sessions.apply(ctx);
            ObjectNode out = NODES.objectNode();
            var lines = out.putArray("lines");
            long now = Instant.now().getEpochSecond();
            try {
                for (GitBlame.Line l : new GitBlame(s.repository()).of(s.repoPath(in.path("file").asText()))) {
                    ObjectNode o = lines.addObject().put("line", l.line());
                    if (l.commit() == null) {
                        o.put("text", "Not committed yet");
                    } else {
                        o.put("text", l.author() + ", " + ago(now - l.time()) + " • " + l.subject())
                                .put("tooltip", ScmView.abbreviate(l.commit()) + " " + l.author() + ", " + Instant.ofEpochSecond(l.time()) + "\n" + l.subject());
                    }
                }
            } catch (GitActions.GitException e) {
                throw new ExtensionException(ErrorCode.INVALID_INPUT, e.getMessage());
            }
            return out;
        });
    }

    /**
     * {@code {file, ranges: [{start, end}]}} (1-based lines of the file on disk, both included), {@code {file, hunks:
     * [i]}}, or a command's {@code {editor: {file, selections: [{startLine, endLine}], dirty}}}.
     */
    private JsonNode ranges(JsonNode in, CallContext ctx, boolean stage) {
        GitSession s = sessions.apply(ctx);
        JsonNode source = in.has("editor") ? in.get("editor") : in;
        if (in.has("command") && !in.has("editor")) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "open a file of the repository in the editor and select the changed lines first");
        }
        String file = source.path("file").asText("");
        if (source.path("dirty").asBoolean(false)) {
            throw refusals.refused(ctx, new GitActions.GitException("save '" + file + "' first: the lines are "
                    + (stage ? "staged" : "unstaged") + " as the file is on disk"));
        }
        GitHunks.Choice choice;
        if (source.has("hunks")) {
            List<Integer> indexes = new ArrayList<>();
            source.get("hunks").forEach(i -> indexes.add(i.asInt()));
            choice = GitHunks.Choice.hunks(indexes);
        } else {
            List<int[]> lines = new ArrayList<>();
            JsonNode ranges = source.has("selections") ? source.get("selections") : source.path("ranges");
            for (JsonNode r : ranges) {
                int start = r.path(r.has("startLine") ? "startLine" : "start").asInt(0);
                int end = r.path(r.has("endLine") ? "endLine" : "end").asInt(start);
                if (start < 1 || end < start) {
                    throw new ExtensionException(ErrorCode.INVALID_INPUT, "$.ranges: lines are 1-based, start ≤ end, not " + r);
                }
                lines.add(new int[] {start - 1, end});
            }
            if (lines.isEmpty()) {
                throw new ExtensionException(ErrorCode.INVALID_INPUT, "$.ranges: name at least one range of lines");
            }
            choice = GitHunks.Choice.lines(lines);
        }
        try {
            String path = s.repoPath(file);
            GitHunks hunks = new GitHunks(s.repository());
            int n = stage ? hunks.stage(path, choice) : hunks.unstage(path, choice);
            s.refresh();
            return NODES.objectNode().put(stage ? "staged" : "unstaged", n).put("file", file);
        } catch (GitActions.GitException e) {
            throw refusals.refused(ctx, e);
        }
    }

    private static void hunks(com.fasterxml.jackson.databind.node.ArrayNode out, List<GitHunks.Hunk> hunks) {
        for (GitHunks.Hunk h : hunks) {
            out.addObject().put("index", h.index()).put("header", h.header()).put("oldStart", h.oldStart()).put("oldLines", h.oldLines())
                    .put("newStart", h.newStart()).put("newLines", h.newLines())
                    .put("startLine", h.workStart() + 1).put("endLine", h.workEnd()).put("patch", h.patch());
        }
    }

    /** "just now", "5 minutes ago", "3 days ago", "2 years ago". */
    static String ago(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        long[] amounts = {d.toDays() / 365, d.toDays() / 30, d.toDays() / 7, d.toDays(), d.toHours(), d.toMinutes()};
        String[] units = {"year", "month", "week", "day", "hour", "minute"};
        for (int i = 0; i < units.length; i++) {
            if (amounts[i] > 0) {
                return amounts[i] + " " + units[i] + (amounts[i] == 1 ? "" : "s") + " ago";
            }
        }
        return "just now";
    }
}
