package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Every event a run emits, one record per type of {@code melody-event.schema.json}: the record's components
 * are the event's fields (a null one is left out), {@link RunEvents} adds {@code v}, {@code seq}, {@code time},
 * {@code runId} and {@code type}. {@code RunEventTest} holds this set and the schema's list of types equal.
 */
public sealed interface RunEvent {
    /** The schema's {@code type}. */
    String type();

    /** The node the event is about (null for run events). */
    String node();

    record RunStarted(String melody, boolean preview, String policy) implements RunEvent {
        public String type() { return "run.started"; }
        public String node() { return null; }
    }

    record RunResumed(String melody, boolean preview, String policy) implements RunEvent {
        public String type() { return "run.resumed"; }
        public String node() { return null; }
    }

    record RunFinished(String status, BigDecimal cost, int trainingRecords, JsonNode outputs, String error,
                       List<String> waiting) implements RunEvent {
        public String type() { return "run.finished"; }
        public String node() { return null; }
    }

    record NodeReady(String node) implements RunEvent {
        public String type() { return "node.ready"; }
    }

    /** {@code extension} and {@code capability} for call nodes only. */
    record NodeStarted(String node, String extension, String capability) implements RunEvent {
        public String type() { return "node.started"; }
    }

    record NodeProgress(String node, Integer iteration, Long artifactId, String message) implements RunEvent {
        public String type() { return "node.progress"; }
    }

    record NodeFinished(String node, long artifactId, long durationMs, BigDecimal cost, String reason, String branch,
                        Float score) implements RunEvent {
        public String type() { return "node.finished"; }
    }

    record NodeFailed(String node, String error) implements RunEvent {
        public String type() { return "node.failed"; }
    }

    /** A next attempt: {@code reason} is retry, fallback, a Maestro provider or a compensation. */
    record NodeRetried(String node, Integer attempt, String error, Long backoffMs, String reason) implements RunEvent {
        public String type() { return "node.retried"; }
    }

    /** {@code explicit}: by an error strategy or precondition (true), else null (dead-path elimination). */
    record NodeSkipped(String node, String reason, Boolean explicit) implements RunEvent {
        public String type() { return "node.skipped"; }
    }

    record NodeCancelled(String node, String reason) implements RunEvent {
        public String type() { return "node.cancelled"; }
    }

    record NodeHalted(String node, String error, int attempt) implements RunEvent {
        public String type() { return "node.halted"; }
    }

    record NodePaused(String node, String reason) implements RunEvent {
        public String type() { return "node.paused"; }
    }

    record NodeReconstructed(String node, String from, String reason, long artifactId) implements RunEvent {
        public String type() { return "node.reconstructed"; }
    }

    record ArtifactStored(String node, long artifactId, String artifact, String kind, long bytes, String reason)
            implements RunEvent {
        public String type() { return "artifact.stored"; }
    }

    /** {@code request}: the key {@code symphony approve} answers (NODE, or NODE.haltN after a halt). */
    record ApprovalWaiting(String node, String prompt, String reason, String request) implements RunEvent {
        public String type() { return "approval.waiting"; }
    }

    record ApprovalAnswered(String node, boolean approved, String by, String reason) implements RunEvent {
        public String type() { return "approval.answered"; }
    }

    /**
     * Saga compensation: {@code by} (the compensation node) undid {@code node}; its output is {@code artifactId},
     * or {@code error} says why undoing failed.
     */
    record NodeCompensated(String node, String by, Long artifactId, BigDecimal cost, String error) implements RunEvent {
        public String type() { return "node.compensated"; }
    }

    record ResourceWaiting(String node, String resource, String reason) implements RunEvent {
        public String type() { return "resource.waiting"; }
    }

    record ResourceGranted(String node, String resource, String rationale) implements RunEvent {
        public String type() { return "resource.granted"; }
    }
}
