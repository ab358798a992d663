package dev.symphony.samples.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.sdk.api.Addon;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.UiEvent;
import dev.symphony.sdk.api.VirtualNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Git History view ({@code git.history}, in the panel below the editors): HEAD's log, newest first, one row per
 * commit ({@code commit|ID}: its lane in the graph ({@link HistoryGraph}), short id and subject; author, date and a
 * merge's parents in its tooltip) on the left; selecting a row shows that commit's files and its patch against its
 * first parent on the right. The selected commit is the view's state ({@code {"selected": ID}}), so an event needs
 * nothing else. Reads only.
 */
final class HistoryView implements Addon {
    static final String VIEW = "git.history";
    static final int MAX_COMMITS = 500;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Function<CallContext, GitSession> sessions;

    HistoryView(Function<CallContext, GitSession> sessions) {
        this.sessions = sessions;
    }

    @Override
    public VirtualNode render(JsonNode state, CallContext ctx) {
        String selected = state == null ? null : state.path("selected").asText(null);
        List<VirtualNode> children = new ArrayList<>();
        try {
            GitHistory history = sessions.apply(ctx).history();
            List<GitHistory.Commit> log = history.log(MAX_COMMITS);
            if (log.isEmpty()) {
                children.add(text("empty", "No commits yet.", "muted"));
                return column(selected, children);
            }
            List<VirtualNode> rows = new ArrayList<>();
            List<HistoryGraph.Row> graph = HistoryGraph.rows(log);
            for (int i = 0; i < log.size(); i++) {
                GitHistory.Commit c = log.get(i);
                rows.add(text("commit|" + c.id(), graph.get(i).text() + ScmView.abbreviate(c.id()) + "  " + c.subject(), null).withProp("tooltip",
                        NODES.textNode(c.author() + " <" + c.email() + ">, " + DATE.format(Instant.ofEpochSecond(c.time()))
                                + (c.parents().size() > 1 ? " (a merge of " + c.parents().size() + " parents)" : ""))));
            }
            List<VirtualNode> left = new ArrayList<>();
            left.add(VirtualNode.of("log", "list").withChildren(rows.toArray(VirtualNode[]::new)).on("select", "show"));
            if (log.size() == MAX_COMMITS) {
                left.add(text("more", "The newest " + MAX_COMMITS + " commits.", "muted"));
            }
            List<VirtualNode> right = new ArrayList<>();
            if (selected != null) {
                details(right, history.show(selected));
            } else {
                right.add(text("hint", "Select a commit to see its files and patch.", "muted"));
            }
            children.add(VirtualNode.of("panes", "split").withProp("orientation", NODES.textNode("horizontal")).withChildren(
                    VirtualNode.of("logPane", "column").withChildren(left.toArray(VirtualNode[]::new)),
                    VirtualNode.of("commitPane", "column").withChildren(right.toArray(VirtualNode[]::new))));
        } catch (GitActions.GitException | ExtensionException e) {
            children.add(text("notice", e.getMessage(), "caption"));
        }
        return column(selected, children);
    }

    private static void details(List<VirtualNode> out, GitHistory.Shown shown) {
        GitHistory.Commit c = shown.commit();
        out.add(text("shown", c.id() + "  " + c.author() + " <" + c.email() + ">", "title"));
        out.add(text("subject", c.subject(), null));
        StringBuilder files = new StringBuilder();
        shown.files().forEach(f -> files.append(f.change()).append("  ").append(f.path()).append('\n'));
        out.add(text("files", files.toString().strip(), "caption"));
        out.add(VirtualNode.of("patch", "code").withProp("code", NODES.textNode(shown.patch()
                + (shown.cut() ? "\n… (the patch is cut at " + GitHistory.MAX_PATCH_CHARS + " characters)" : ""))));
    }

    @Override
    public VirtualNode onEvent(UiEvent event, CallContext ctx) {
        ObjectNode state = NODES.objectNode();
        String row = event.value() == null ? "" : event.value().asText("");
        if ("show".equals(event.action()) && row.startsWith("commit|")) {
            state.put("selected", row.substring("commit|".length()));
        }
        return render(state, ctx);
    }

    private static VirtualNode column(String selected, List<VirtualNode> children) {
        ObjectNode state = NODES.objectNode();
        if (selected != null) {
            state.put("selected", selected);
        }
        return VirtualNode.of("history", "column").withProp("state", state).withChildren(children.toArray(VirtualNode[]::new));
    }

    private static VirtualNode text(String id, String text, String style) {
        VirtualNode n = VirtualNode.of(id, "text").withProp("text", NODES.textNode(text));
        return style == null ? n : n.withProp("style", NODES.textNode(style));
    }
}
