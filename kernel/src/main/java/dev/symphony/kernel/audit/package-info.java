/**
 * The kernel's append-only, hash-chained audit log: who did what to which resource, whether the kernel
 * allowed it, and when; what an extension reported about itself is stored as {@code reported}, never as a
 * kernel decision. {@code <data>/audit/chain-YYYY-MM-DD.jsonl} plus the head {@code <data>/audit.head};
 * {@link dev.symphony.kernel.audit.AuditVerifier} finds the first broken link.
 */
package dev.symphony.kernel.audit;
