package dev.symphony.ipc.api;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Layout of the fixed header at the start of every bus message (one Chronicle Queue document).
 * All fields are little-endian. The payload follows immediately; its meaning depends on the type
 * (Smile-encoded JSON for requests, responses, events and chunks; a UTF-8 message for errors; an
 * int for credits; empty for heartbeats).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------+---------------+-------------------------------+
 *  |    Version    |     Type      |            Flags              |  0
 *  +---------------+---------------+-------------------------------+
 *  |                       Payload length                          |  4
 *  +---------------------------------------------------------------+
 *  |                                                               |  8
 *  +                       Correlation id                          +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                                                               | 16
 *  +              Peer id (FNV-1a 64 of the peer name)            +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                                                               | 24
 *  +               Send timestamp (System.nanoTime)                +
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                        Payload ...                           ... 32
 * </pre>
 *
 * The send timestamp is {@code System.nanoTime()} of the sender; on Linux and macOS that is the
 * system-wide monotonic clock, so the receiver may subtract it from its own clock to measure the
 * one-way latency. Flags: for {@link MessageType#ERROR} the status number ({@link BusStatus} or the peer's own); otherwise 0.
 */
public final class MessageHeaderDescriptor {
    static {
        ChronicleRuntime.configure(); // before Chronicle Core initialises
    }

    public static final byte VERSION = 1;
    public static final int VERSION_OFFSET = 0;
    public static final int TYPE_OFFSET = 1;
    public static final int FLAGS_OFFSET = 2;
    public static final int PAYLOAD_LENGTH_OFFSET = 4;
    public static final int CORRELATION_ID_OFFSET = 8;
    public static final int EXTENSION_ID_OFFSET = 16;
    public static final int TIMESTAMP_OFFSET = 24;
    public static final int HEADER_LENGTH = 32;
    /** Payloads larger than this are refused by the sender (streams split their data into chunks) and by the receiver. */
    public static final int MAX_PAYLOAD_LENGTH = 4 * 1024 * 1024;

    private MessageHeaderDescriptor() {
    }

    /** Writes header and payload at the write position of {@code bytes}. */
    public static void write(Bytes<?> bytes, MessageType type, int flags, long correlationId, long peerHash,
                             long sentNanos, byte[] payload, int offset, int length) {
        if (length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("bus payload of " + length + " bytes exceeds " + MAX_PAYLOAD_LENGTH);
        }
        bytes.writeByte(VERSION);
        bytes.writeByte(type.code());
        bytes.writeShort((short) flags);
        bytes.writeInt(length);
        bytes.writeLong(correlationId);
        bytes.writeLong(peerHash);
        bytes.writeLong(sentNanos);
        bytes.write(payload, offset, length);
    }

    /**
     * Reads one message from the read position of {@code bytes}; a frame the protocol does not allow (too short for
     * the header, another version, an unknown type, a payload length that does not fit) is an
     * {@link IllegalStateException} naming what is wrong, never another exception.
     */
    public static Envelope read(Bytes<?> bytes) {
        return read(bytes, length -> true);
    }

    /** What {@link #read(Bytes, java.util.function.IntPredicate)} returns for an event it was told to drop unread. */
    public static final Envelope DROPPED_EVENT = new Envelope(MessageType.EVENT, 0, 0, 0, 0, new byte[0]);

    /**
     * The frame at {@code bytes}; an event whose payload length {@code admitEvent} refuses is checked like any frame
     * but its payload is not copied: {@link #DROPPED_EVENT} is returned instead.
     */
    public static Envelope read(Bytes<?> bytes, java.util.function.IntPredicate admitEvent) {
        if (bytes.readRemaining() < HEADER_LENGTH) {
            throw new IllegalStateException("bus frame of " + bytes.readRemaining() + " bytes, shorter than the "
                    + HEADER_LENGTH + "-byte header");
        }
        byte version = bytes.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("bus message version " + version + ", expected " + VERSION);
        }
        int code = bytes.readByte();
        MessageType type;
        try {
            type = MessageType.ofCode(code);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(unknown.getMessage(), unknown);
        }
        int flags = bytes.readShort() & 0xffff;
        int length = bytes.readInt();
        long correlationId = bytes.readLong();
        long peerHash = bytes.readLong();
        long sentNanos = bytes.readLong();
        if (length < 0 || length > MAX_PAYLOAD_LENGTH || length > bytes.readRemaining()) {
            throw new IllegalStateException("bus payload length " + length + " but " + bytes.readRemaining() + " bytes left");
        }
        if (type == MessageType.EVENT && !admitEvent.test(length)) {
            return DROPPED_EVENT;
        }
        byte[] payload = new byte[length];
        bytes.read(payload);
        return new Envelope(type, flags, correlationId, peerHash, sentNanos, payload);
    }
}
