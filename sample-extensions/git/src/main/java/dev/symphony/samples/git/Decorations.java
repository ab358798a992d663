package dev.symphony.samples.git;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A status as the file tree's decorations (the {@code workbench.fileDecorations} payload; each one replaces the
 * extension's previous set): a letter and a colour per path, VS Code's letters — M modified, A added, D deleted, R
 * renamed, U untracked, ! conflicted — and ignored paths greyed without a letter. Paths are relative to the open folder
 * (the repository's work tree may be above it).
 */
final class Decorations {
    static final String MODIFIED = "#b58900";
    static final String ADDED = "#2e8b57";
    static final String DELETED = "#c0392b";
    static final String UNTRACKED = "#3f9d5a";
    static final String CONFLICT = "#d14d41";
    static final String IGNORED = "#8c8c8c";
    /** More than this many decorated paths are not sent (the tree shows only a screenful anyway; the view lists all). */
    static final int MAX_ITEMS = 20_000;

    private Decorations() {
    }

    /** {@code prefix}: the open folder's path inside the work tree ("" when they are the same, else "sub/dir/"). */
    static ObjectNode of(GitStatus status, String prefix) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("items");
        for (GitStatus.Entry e : status.entries()) {
            if (items.size() >= MAX_ITEMS || !e.path().startsWith(prefix) || e.path().length() == prefix.length()) {
                continue;
            }
            String[] look = look(e);
            ObjectNode item = items.addObject().put("path", e.path().substring(prefix.length())).put("color", look[1])
                    .put("tooltip", look[2]);
            if (!look[0].isEmpty()) {
                item.put("badge", look[0]);
            }
        }
        return out;
    }

    /** {badge, colour, tooltip}. */
    static String[] look(GitStatus.Entry e) {
        if (e.conflicted()) {
            return new String[] {"!", CONFLICT, "Conflicted (" + e.code() + ")"};
        }
        if (e.untracked()) {
            return new String[] {"U", UNTRACKED, "Untracked"};
        }
        if (e.ignored()) {
            return new String[] {"", IGNORED, "Ignored"};
        }
        char c = e.y() != ' ' ? e.y() : e.x();
        String where = e.y() != ' ' ? (e.x() != ' ' ? "Staged and changed" : "Changed") : "Staged";
        return switch (c) {
            case 'A' -> new String[] {"A", ADDED, where + ": added"};
            case 'D' -> new String[] {"D", DELETED, where + ": deleted"};
            case 'R' -> new String[] {"R", ADDED, where + ": renamed from " + e.from()};
            default -> new String[] {"M", MODIFIED, where + ": modified"};
        };
    }
}
