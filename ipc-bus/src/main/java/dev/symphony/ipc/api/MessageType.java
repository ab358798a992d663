package dev.symphony.ipc.api;

/** What a bus message is; the code is the byte stored at {@link MessageHeaderDescriptor#TYPE_OFFSET}. */
public enum MessageType {
    /** Host to kernel: the plugin is loaded and the host serves calls. */
    HELLO(1),
    REQUEST(2),
    RESPONSE(3),
    /** A failed request or stream; the header flags carry a status number ({@link BusStatus} or the peer's own), the payload a UTF-8 message. */
    ERROR(4),
    /** One-way; no response. */
    EVENT(5),
    /** A request whose answer is delivered as {@link #STREAM_CHUNK}s and one {@link #STREAM_END}. */
    STREAM_REQUEST(6),
    STREAM_CHUNK(7),
    STREAM_END(8),
    /** The requester no longer wants the answer to the correlation id. */
    CANCEL(9),
    /** Stream flow control: the receiver allows the sender this many more chunks (payload: int). */
    CREDIT(10),
    HEARTBEAT(11),
    /** Kernel to host: finish and exit. */
    SHUTDOWN(12);

    private static final MessageType[] BY_CODE = new MessageType[16];

    static {
        for (MessageType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final byte code;

    MessageType(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static MessageType ofCode(int code) {
        MessageType type = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (type == null) {
            throw new IllegalArgumentException("unknown bus message type " + code);
        }
        return type;
    }
}
