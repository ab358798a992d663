package dev.symphony.ipc.api;

/**
 * What an endpoint's owner does with messages the peer starts: requests, stream requests, events,
 * cancellations. Called on the thread that pumps the endpoint; a handler that answers at once
 * (calls {@link Endpoint#respond}) keeps the round trip short, one that works long hands the work
 * to its own thread and answers from there.
 */
public interface InboundHandler {
    void onRequest(Endpoint endpoint, Envelope request);

    /** A stream request: answer through {@link Endpoint#streamWriter(Envelope)}. */
    default void onStreamRequest(Endpoint endpoint, Envelope request) {
        endpoint.respondError(request.correlationId(), BusStatus.NO_HANDLER, "streams are not served here");
    }

    default void onEvent(Endpoint endpoint, Envelope event) {
    }

    /**
     * Whether an event of {@code payloadLength} bytes is wanted, asked on the pump before its payload is copied out of
     * the queue: {@code false} drops it unread, so a flood over a quota costs the reader its header only (no copy, no
     * garbage). An admitted event reaches {@link #onEvent}.
     */
    default boolean admitEvent(Endpoint endpoint, int payloadLength) {
        return true;
    }

    /** The peer cancelled its request or stream with this correlation id. */
    default void onCancel(Endpoint endpoint, long correlationId) {
    }

    default void onHello(Endpoint endpoint, Envelope hello) {
    }

    default void onShutdown(Endpoint endpoint) {
    }

    /** The peer's process closed the doorbell connection: it exited or died. */
    default void onPeerClosed(Endpoint endpoint) {
    }
}
