package dev.symphony.pit.pool.api;

/**
 * The Player states of the extension host that serves a model (kernel/README.md, "Lifecycle and Player states"), as the kernel's
 * supervisor reports them to the pool. The pool loads and allocates models only while their host
 * {@link #canServe() can serve}; a host that becomes FAILED or DISABLED (or misses heartbeats) fails its models.
 */
public enum HostState {
    PENDING, VALIDATING, VALIDATED, ACTIVE, MONITORING, FAILED, DISABLED;

    /** ACTIVE and MONITORING hosts run plugin code, so their models may load and take tasks. */
    public boolean canServe() {
        return this == ACTIVE || this == MONITORING;
    }

    /** A host in these states is gone (crashed, hung, or switched off): its models are failed. */
    public boolean isDown() {
        return this == FAILED || this == DISABLED;
    }
}
