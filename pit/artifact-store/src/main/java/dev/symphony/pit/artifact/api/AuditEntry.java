package dev.symphony.pit.artifact.api;

/**
 * One line of the append-only audit trail (read back from the write-ahead log, which is never rewritten
 * except to drop archived or purged content bytes).
 *
 * @param actor  who did it: the producer for a put, the caller-given actor otherwise
 * @param detail human-readable specifics (relation target, scores, purge reason)
 */
public record AuditEntry(long timestampMs, AuditAction action, long artifactId, String actor, String detail) {
}
