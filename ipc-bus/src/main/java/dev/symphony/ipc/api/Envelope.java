package dev.symphony.ipc.api;

/**
 * One decoded bus message: the fixed header fields and the payload bytes (copied out of the queue,
 * so an envelope stays valid after the tailer moves on).
 */
public record Envelope(MessageType type, int flags, long correlationId, long peerHash, long sentNanos,
                       byte[] payload) {

    /** The status number of an {@link MessageType#ERROR} frame (its header flags). */
    public int status() {
        return flags;
    }

    public String payloadText() {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
}
