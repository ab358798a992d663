/**
 * The write-ahead log: segment files of checksummed frames, appended, fsynced in batches, replayed and
 * repaired (torn tail quarantined and truncated) on open. The log is the store's source of truth; the
 * in-memory index is rebuilt from it.
 */
package dev.symphony.pit.artifact.internal.wal;
