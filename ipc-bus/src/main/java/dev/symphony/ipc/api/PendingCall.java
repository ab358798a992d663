package dev.symphony.ipc.api;

/**
 * An outbound request or stream waiting for its answer. Messages for it are delivered by whichever
 * thread pumps the endpoint; the waiter is unparked so it need not poll.
 */
abstract class PendingCall {
    final long correlationId;
    volatile Thread waiter;
    volatile BusException failure;

    PendingCall(long correlationId) {
        this.correlationId = correlationId;
    }

    /** Handles one message addressed to this call; returns true when the call is finished. */
    abstract boolean onMessage(Envelope envelope);

    /** True when the waiter has something to take (an answer, a chunk, a failure). */
    abstract boolean ready();

    void fail(BusException cause) {
        if (failure == null) {
            failure = cause;
        }
        wake();
    }

    void wake() {
        Thread t = waiter;
        if (t != null) {
            java.util.concurrent.locks.LockSupport.unpark(t);
        }
    }

    static BusException remoteError(Envelope envelope) {
        return new BusException(envelope.status(), envelope.payloadText());
    }
}
