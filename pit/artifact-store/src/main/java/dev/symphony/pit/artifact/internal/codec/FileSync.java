package dev.symphony.pit.artifact.internal.codec;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Fsync of a directory, so that a created or renamed file's directory entry is durable too. */
public final class FileSync {
    private FileSync() {
    }

    public static void directory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals metadata, so this is best effort there.
        }
    }
}
