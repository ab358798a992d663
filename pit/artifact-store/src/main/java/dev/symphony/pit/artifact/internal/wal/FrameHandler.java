package dev.symphony.pit.artifact.internal.wal;

/** Receives each valid frame during replay or a scan. {@code bytes} is only valid during the call. */
@FunctionalInterface
public interface FrameHandler {
    void onFrame(int segment, long fileOffset, byte[] bytes, int frameOffset, int frameLength);
}
