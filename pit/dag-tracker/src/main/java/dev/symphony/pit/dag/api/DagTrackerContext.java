package dev.symphony.pit.dag.api;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/** Configuration of a tracker: fluent setters, {@link #conclude()} fills defaults. */
public final class DagTrackerContext {
    private NanoClock nanoClock;
    private DagListener listener;

    public DagTrackerContext conclude() {
        if (nanoClock == null) {
            nanoClock = SystemNanoClock.INSTANCE;
        }
        if (listener == null) {
            listener = DagListener.NO_OP;
        }
        return this;
    }

    /** Time source for start times (remaining work of RUNNING nodes on the critical path). */
    public DagTrackerContext nanoClock(final NanoClock clock) {
        this.nanoClock = clock;
        return this;
    }

    public NanoClock nanoClock() {
        return nanoClock;
    }

    public DagTrackerContext listener(final DagListener listener) {
        this.listener = listener;
        return this;
    }

    public DagListener listener() {
        return listener;
    }
}
