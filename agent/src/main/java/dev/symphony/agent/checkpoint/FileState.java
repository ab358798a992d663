package dev.symphony.agent.checkpoint;

import java.util.Objects;

/**
 * A file as a checkpoint knows it: the name of its bytes in the {@link Blobs} ({@code null}: it does not
 * exist), and its size, modification time and file key, which let a later snapshot skip reading it when they are
 * unchanged. Two states are the same file when their hashes are equal.
 */
public record FileState(String hash, long size, long modifiedNanos, Object fileKey) {
    public static final FileState ABSENT = new FileState(null, -1, -1, null);

    public boolean exists() {
        return hash != null;
    }

    public boolean sameContent(FileState other) {
        return Objects.equals(hash, other == null ? null : other.hash);
    }

    @Override
    public String toString() {
        return exists() ? hash.substring(0, 12) + " (" + size + " bytes)" : "absent";
    }
}
