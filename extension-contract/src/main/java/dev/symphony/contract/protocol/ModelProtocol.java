package dev.symphony.contract.protocol;

/**
 * The model behind an Instrument capability: its warm-up and its state, and what a call of it cost.
 *
 * <pre>
 * kernel -> host  REQUEST  {@link CallProtocol.Invoke} with warmUp=true   "load the model of capability X now"
 * host -> kernel  RESPONSE {@link State} (WARM, loadMs)  or ERROR (the warm-up failed; retried next time)
 * host -> kernel  EVENT    {@link LogProtocol.HostEvent} kind {@value #EVENT_KIND}, data = {@link State}
 *                          LOADING when a warm-up starts, then WARM (with loadMs) or FAILED (with message)
 * host -> kernel  RESPONSE {@link dev.symphony.contract.Reply} answers a unary Invoke (output + tokens + cost)
 * </pre>
 *
 * The host warms an Instrument capability once, before its first call or when the kernel asks; callers
 * that arrive during a warm-up wait for the same one. A host that exits takes its models with it: the
 * kernel then reports the capability IDLE without any message from the host.
 */
public final class ModelProtocol {
    /** The {@link LogProtocol.HostEvent#kind()} of model state events. */
    public static final String EVENT_KIND = "model";
    public static final String LOADING = "LOADING";
    public static final String WARM = "WARM";
    public static final String FAILED = "FAILED";

    private ModelProtocol() {
    }

    /**
     * One model state of one capability: {@link #LOADING}, {@link #WARM} or {@link #FAILED}. {@code loadMs}
     * is the warm-up's duration (WARM, FAILED) or -1; {@code message} says why a warm-up FAILED.
     */
    public record State(String capability, String state, long loadMs, String message) {
    }
}
