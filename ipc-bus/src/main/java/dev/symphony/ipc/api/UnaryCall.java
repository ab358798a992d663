package dev.symphony.ipc.api;

/** A request awaiting its single {@link MessageType#RESPONSE} or {@link MessageType#ERROR}. */
final class UnaryCall extends PendingCall {
    volatile Envelope response;

    UnaryCall(long correlationId) {
        super(correlationId);
    }

    @Override
    boolean onMessage(Envelope envelope) {
        if (envelope.type() == MessageType.ERROR) {
            fail(remoteError(envelope));
        } else {
            response = envelope;
            wake();
        }
        return true;
    }

    @Override
    boolean ready() {
        return response != null || failure != null;
    }
}
