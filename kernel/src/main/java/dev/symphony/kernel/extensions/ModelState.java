package dev.symphony.kernel.extensions;

/**
 * The state of the model behind one Instrument capability, as its host reports it. IDLE: not loaded (no
 * host, or never warmed); LOADING: the host runs {@code Instrument.warmUp}; WARM: loaded, calls run at
 * once; FAILED: the last warm-up failed (the next call or warm-up tries again). The pool manager's ACTIVE
 * and COOLDOWN are the scheduler's own: the kernel knows only whether the model is loaded.
 */
public enum ModelState {
    IDLE, LOADING, WARM, FAILED
}
