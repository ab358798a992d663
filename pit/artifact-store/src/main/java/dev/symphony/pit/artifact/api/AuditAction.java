package dev.symphony.pit.artifact.api;

/** What an audit entry records. */
public enum AuditAction {
    PUT, RELATE, SCORE, ARCHIVE, PURGE
}
