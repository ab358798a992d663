package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.run.PinnedOutput;
import dev.symphony.conductor.run.RunArtifacts;
import java.util.HashMap;
import java.util.Map;

/**
 * What the nodes of a run produced, read back from the artifact store for the board: each finished node's value as a
 * one-line preview (at most {@link #PREVIEW_CHARS} characters), its stored size, cost and time.
 */
final class RunValues {
    static final int PREVIEW_CHARS = 160;
    /** Values above this size are not kept for pinning (the board says so). */
    static final long PIN_LIMIT_BYTES = 1 << 20;

    private RunValues() {
    }

    /** {@code finished}: the node.finished event of each node; a value the store no longer has reads "(not stored)". */
    static Map<String, BoardRun.NodeResult> read(RunArtifacts artifacts, Map<String, ObjectNode> finished) {
        Map<String, BoardRun.NodeResult> out = new HashMap<>();
        for (var e : finished.entrySet()) {
            JsonNode ev = e.getValue();
            long id = ev.path("artifactId").asLong(-1);
            String preview;
            long bytes = -1;
            JsonNode value = null;
            try {
                value = artifacts.readJson(id);
                preview = preview(value);
                bytes = artifacts.size(id);
            } catch (RuntimeException notThere) {
                preview = "(not stored)";
            }
            out.put(e.getKey(), new BoardRun.NodeResult(e.getKey(), preview, bytes, ev.path("cost").asText("0"),
                    ev.path("durationMs").asLong(0), bytes <= PIN_LIMIT_BYTES ? value : null,
                    ev.path("reason").asText("").equals(PinnedOutput.REASON)));
        }
        return out;
    }

    static String preview(JsonNode value) {
        String text = value == null ? "null" : value.toString();
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS - 1) + "…";
    }
}
