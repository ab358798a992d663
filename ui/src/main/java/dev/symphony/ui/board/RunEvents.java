package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.run.Money;
import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.conductor.run.RunResult;
import dev.symphony.conductor.run.RunStatus;
import dev.symphony.ui.board.BoardViewModel.NodeState;
import java.util.Locale;

/** How a board run shows the conductor's events: a node's state, a line of the run log, a value on a connection. */
final class RunEvents {
    private static final String[] DETAILS = {"durationMs", "cost", "branch", "error", "reason", "status", "prompt"};

    private RunEvents() {
    }

    /** The state an event of {@code type} gives its node (null: the event does not change it). */
    static NodeState state(String type) {
        return switch (type) {
            case "node.ready" -> NodeState.READY;
            case "node.started" -> NodeState.RUNNING;
            case "node.finished" -> NodeState.SUCCEEDED;
            case "node.failed", "node.halted" -> NodeState.FAILED;
            case "node.retried" -> NodeState.RETRIED;
            case "node.skipped", "node.cancelled" -> NodeState.SKIPPED;
            case "approval.waiting" -> NodeState.APPROVAL;
            case "node.paused" -> NodeState.PAUSED;
            default -> null;
        };
    }

    /** The run log's line for an event: its type, node and details ({@code node.finished n · durationMs 3, cost 0}). */
    static String line(JsonNode e) {
        String node = e.path("node").asText(null);
        StringBuilder out = new StringBuilder(e.path("type").asText()).append(node == null ? "" : " " + node);
        boolean first = true;
        for (String field : DETAILS) {
            if (e.hasNonNull(field)) {
                out.append(first ? " · " : ", ").append(field).append(' ').append(e.get(field).asText());
                first = false;
            }
        }
        return out.toString();
    }

    /** A top-level node's finished value as its connections show it, or null (nested, or not stored). */
    static String edgeValue(RunArtifacts artifacts, JsonNode finished) {
        if (finished.path("node").asText().contains("/") || !finished.has("artifactId")) {
            return null;
        }
        try {
            return BoardOverlays.edgeText(RunValues.preview(artifacts.readJson(finished.path("artifactId").asLong())));
        } catch (RuntimeException notStored) {
            return null;
        }
    }

    /** The status when a run ends: "succeeded in 120 ms · cost 0 (run ID)", or what it waits for. */
    static String outcome(RunResult result, long ms) {
        return result.status() == RunStatus.PAUSED
                ? "waiting for approval: " + String.join(", ", result.waiting()) + " (answer it on the board)"
                : result.status().name().toLowerCase(Locale.ROOT) + " in " + ms + " ms · cost " + Money.text(result.cost())
                + (result.error() == null ? "" : ": " + result.error()) + " (run " + result.runId() + ")";
    }
}
