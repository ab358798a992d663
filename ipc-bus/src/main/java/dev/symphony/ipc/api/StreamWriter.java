package dev.symphony.ipc.api;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The sending side of a stream. {@link #write} blocks while the receiver has no credit left, so a
 * slow receiver holds the producer back (and the producer notices cancellation there).
 */
public final class StreamWriter {
    private final Endpoint endpoint;
    private final long correlationId;
    private final AtomicInteger credits;
    private volatile Thread writer;
    private volatile boolean cancelled;
    private volatile boolean done;

    StreamWriter(Endpoint endpoint, long correlationId, int initialCredits) {
        this.endpoint = endpoint;
        this.correlationId = correlationId;
        this.credits = new AtomicInteger(initialCredits);
    }

    public long correlationId() {
        return correlationId;
    }

    public boolean isCancelled() {
        return cancelled || endpoint.isClosed();
    }

    /** Sends one chunk; throws {@link BusException} (CANCELLED) when the receiver gave up. */
    public void write(byte[] chunk) {
        writer = Thread.currentThread();
        while (true) {
            if (isCancelled()) {
                throw new BusException(BusStatus.CANCELLED, "stream " + correlationId + " was cancelled");
            }
            int c = credits.get();
            if (c > 0 && credits.compareAndSet(c, c - 1)) {
                break;
            }
            if (c == 0) {
                LockSupport.parkNanos(this, 200_000);
            }
        }
        endpoint.send(MessageType.STREAM_CHUNK, 0, correlationId, chunk);
    }

    public void end(byte[] finalPayload) {
        if (finish()) {
            endpoint.send(MessageType.STREAM_END, 0, correlationId, finalPayload);
        }
    }

    public void fail(int status, String message) {
        if (finish()) {
            endpoint.respondError(correlationId, status, message);
        }
    }

    private boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        endpoint.removeStreamWriter(correlationId);
        return true;
    }

    void addCredits(int n) {
        credits.addAndGet(n);
        wake();
    }

    void cancel() {
        cancelled = true;
        wake();
    }

    private void wake() {
        Thread t = writer;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
