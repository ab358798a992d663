package dev.symphony.sdk.api;

import dev.symphony.sdk.services.KernelServices;

/** One call of a capability: who is called, whether the caller gave up, and the brokered services. */
public interface CallContext {
    String extensionId();

    String capability();

    /** True once the caller cancelled or timed out; long work should check and stop. */
    boolean cancelled();

    KernelServices services();
}
