package dev.symphony.samples.git;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A repository's status as {@code git status --porcelain=v1 -uall --ignored=matching} shows it: one {@link Entry} per
 * line, {@code x} the index's column and {@code y} the work tree's ({@code ' '} unchanged, {@code M}, {@code A},
 * {@code D}, {@code R}; {@code ??} untracked, {@code !!} ignored; conflicts {@code UU}, {@code AA}, {@code DU}, …).
 * {@code branch} is null on a detached HEAD ({@code head} then names the commit); {@code head} is null before the
 * first commit.
 */
public record GitStatus(String repository, String branch, String head, List<Entry> entries) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** {@code from}: the old path of a rename, else null. */
    public record Entry(char x, char y, String path, String from) {
        public String code() {
            return "" + x + y;
        }

        public boolean conflicted() {
            return x == 'U' || y == 'U' || x == 'A' && y == 'A' || x == 'D' && y == 'D';
        }

        public boolean untracked() {
            return x == '?';
        }

        public boolean ignored() {
            return x == '!';
        }

        public boolean staged() {
            return !conflicted() && !untracked() && !ignored() && x != ' ';
        }

        public boolean changedInWorkTree() {
            return !conflicted() && !untracked() && !ignored() && y != ' ';
        }

        /** The line {@code git status --porcelain=v1} prints for this entry. */
        public String porcelain() {
            return code() + " " + (from == null ? path : from + " -> " + path);
        }
    }

    public ObjectNode toJson() {
        ObjectNode out = NODES.objectNode().put("repository", repository).put("branch", branch).put("head", head);
        ArrayNode list = out.putArray("entries");
        for (Entry e : entries) {
            ObjectNode o = list.addObject().put("code", e.code()).put("path", e.path());
            if (e.from() != null) {
                o.put("from", e.from());
            }
        }
        return out;
    }
}
