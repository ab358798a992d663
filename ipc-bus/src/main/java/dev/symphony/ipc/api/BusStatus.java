package dev.symphony.ipc.api;

/**
 * The status numbers the transport uses for its own failures, in {@link BusException#status()} and in
 * the header flags of the error frames it sends itself. Peers may send any other number in an error
 * frame; what the numbers mean to an application is the application's business (the extension
 * contract's {@code ErrorCode} uses the same numbers for these failures).
 */
public final class BusStatus {
    /** The peer's handler threw. */
    public static final int HANDLER_FAILED = 1;
    /** A payload could not be decoded. */
    public static final int MALFORMED = 2;
    /** No answer in time (the peer is sent a cancel). */
    public static final int TIMEOUT = 4;
    /** The peer process exited. */
    public static final int PEER_EXITED = 5;
    /** The caller or the receiver gave up. */
    public static final int CANCELLED = 6;
    /** Too many calls in flight: back-pressure. */
    public static final int BUSY = 7;
    /** The peer serves no such request (e.g. streams). */
    public static final int NO_HANDLER = 8;
    /** The channel was closed on purpose. */
    public static final int CLOSED = 9;
    /** A payload over {@link MessageHeaderDescriptor#MAX_PAYLOAD_LENGTH}: refused before anything was sent. */
    public static final int TOO_LARGE = 10;

    private BusStatus() {
    }
}
