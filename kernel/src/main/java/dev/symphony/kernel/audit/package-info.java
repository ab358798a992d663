/**
 * The append-only audit log: who did what to which resource, whether it was allowed, and when. One
 * JSON object per line in {@code <data>/audit/audit-YYYY-MM-DD.jsonl}; never rewritten.
 */
package dev.symphony.kernel.audit;
