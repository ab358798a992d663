package dev.symphony.ipc.api;

/**
 * One decoded bus message: the fixed header fields and the payload bytes (copied out of the queue,
 * so an envelope stays valid after the tailer moves on).
 */
public record Envelope(MessageType type, int flags, long correlationId, long extensionId, long sentNanos,
                       byte[] payload) {

    public ErrorCode errorCode() {
        return ErrorCode.ofCode(flags);
    }

    public String payloadText() {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
}
