package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.NodeType;
import dev.symphony.conductor.policy.CandidateRows;
import dev.symphony.pit.pool.api.InstrumentStats;

/**
 * What a run expects of one attempt on a provider: latency, failure rate and cost. From the pool manager's
 * statistics of that Instrument across runs where they exist (median latency, failure rate with a weak prior, mean
 * charged cost), else from its manifest (p50 latency; price per call plus, per token, the tokens its input schema
 * defaults to or allows) with the prior failure rate of an Instrument never called. Thread-safe.
 */
final class Estimates {
    /** Latency of a call whose manifest does not say and that was never measured. */
    static final double UNKNOWN_LATENCY_MS = 10;
    /** A measured median below the run clock's resolution (1 ms) reads as this, not as 0. */
    static final double MIN_LATENCY_MS = 0.001;
    /** The expected duration of a loop or sub-Melody node before it ran (it is not an Instrument with a manifest). */
    static final double NESTED_LATENCY_MS = 50;

    private final ModelSlots slots;

    /** Estimates from {@code slots}' statistics (null: manifests only). */
    Estimates(ModelSlots slots) {
        this.slots = slots;
    }

    /** The pseudo-provider a loop or sub-Melody node runs on: the conductor itself. */
    static CapabilitySpec nested(NodeType type) {
        return new CapabilitySpec("conductor", type.jsonName(), "operator", null, null, 0, NESTED_LATENCY_MS, 0);
    }

    /** The pool's statistics of the provider with this {@link CapabilitySpec#key}, or null (never called, or no pool). */
    InstrumentStats stats(String key) {
        return slots == null ? null : slots.stats(key);
    }

    /** The expected latency of one attempt (ms), from {@code st} (the provider's statistics, or null). */
    static double latencyMs(CapabilitySpec s, InstrumentStats st) {
        if (st != null) {
            return Math.max(MIN_LATENCY_MS, st.latencyP50Nanos() / 1e6);
        }
        return s.latencyP50Ms() > 0 ? s.latencyP50Ms() : UNKNOWN_LATENCY_MS;
    }

    static double failureRate(InstrumentStats st) {
        return st != null ? st.failureRate() : InstrumentStats.failureRate(0, 0);
    }

    /** The expected charge of one attempt: per-token Instruments are not free. */
    static double attemptCost(CapabilitySpec s, InstrumentStats st) {
        if (st != null) {
            return st.costPerCallMicros() / 1e6;
        }
        return s.costPerToken() <= 0 ? s.costPerCall() : s.costPerCall() + s.costPerToken() * Math.max(0, s.tokenBound(null));
    }

    double timeToSuccess(CapabilitySpec s) {
        InstrumentStats st = stats(s.key());
        return CandidateRows.timeToSuccess(latencyMs(s, st), failureRate(st));
    }

    /** The expected time to success of a call nothing is known about (no provider installed yet). */
    static double unknownTimeToSuccess() {
        return CandidateRows.timeToSuccess(UNKNOWN_LATENCY_MS, InstrumentStats.failureRate(0, 0));
    }

    double costToSuccess(CapabilitySpec s) {
        InstrumentStats st = stats(s.key());
        return CandidateRows.costToSuccess(attemptCost(s, st), failureRate(st));
    }

    /** The 99th percentile of the tokens one call of {@code s} produced across runs, or -1 before its first call. */
    long tokensP99(CapabilitySpec s) {
        InstrumentStats st = stats(s.key());
        return st == null ? -1 : st.tokensP99();
    }
}
