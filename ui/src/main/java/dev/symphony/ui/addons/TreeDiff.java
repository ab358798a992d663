package dev.symphony.ui.addons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between the tree on screen and the next one, by node id: nodes whose own props or handlers changed
 * ({@link Plan#updated}), nodes whose list of children changed ({@link Plan#restructured}), or a new root. Computed off
 * the JavaFX thread; the renderer then touches only those nodes.
 */
public final class TreeDiff {
    /** {@code replaceRoot}: render everything anew (the root's id or component changed). */
    public record Plan(VNode next, boolean replaceRoot, List<VNode> updated, List<VNode> restructured, Map<String, VNode> byId) {
        public boolean empty() {
            return !replaceRoot && updated.isEmpty() && restructured.isEmpty();
        }
    }

    private TreeDiff() {
    }

    public static Plan plan(VNode previous, VNode next) {
        if (previous == null || !previous.id().equals(next.id()) || !previous.component().equals(next.component())) {
            return new Plan(next, true, List.of(), List.of(), index(next, new HashMap<>()));
        }
        List<VNode> updated = new ArrayList<>();
        List<VNode> restructured = new ArrayList<>();
        compare(previous, next, updated, restructured);
        return new Plan(next, false, updated, restructured, index(next, new HashMap<>()));
    }

    private static Map<String, VNode> index(VNode n, Map<String, VNode> into) {
        into.put(n.id(), n);
        n.children().forEach(c -> index(c, into));
        return into;
    }

    private static void compare(VNode old, VNode now, List<VNode> updated, List<VNode> restructured) {
        if (!old.sameOwn(now)) {
            updated.add(now);
        }
        if (old.children() == now.children()) {
            return;
        }
        boolean sameShape = old.children().size() == now.children().size();
        Map<String, VNode> before = new HashMap<>();
        for (int i = 0; i < old.children().size(); i++) {
            VNode c = old.children().get(i);
            before.put(c.id(), c);
            if (sameShape && !(c.id().equals(now.children().get(i).id())
                    && c.component().equals(now.children().get(i).component()))) {
                sameShape = false;
            }
        }
        if (!sameShape) {
            restructured.add(now);
        }
        for (VNode c : now.children()) {
            VNode was = before.get(c.id());
            if (was != null && was.component().equals(c.component())) {
                compare(was, c, updated, restructured);
            }
        }
    }
}
