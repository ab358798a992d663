package dev.symphony.editor.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What the editor last knew of a file on disk: size and modification time (nanosecond precision
 * where the file system has it). A different fingerprint means someone else wrote the file.
 * {@link #MISSING} stands for a file that does not exist.
 */
public record DiskFingerprint(long size, long modifiedNanos) {

    public static final DiskFingerprint MISSING = new DiskFingerprint(-1, -1);

    public static DiskFingerprint of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new DiskFingerprint(a.size(), a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                    + a.lastModifiedTime().toInstant().getNano());
        } catch (NoSuchFileException e) {
            return MISSING;
        }
    }

    public static DiskFingerprint ofQuietly(Path file) {
        try {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.exists(file) ? of(file) : MISSING;
        } catch (IOException e) {
            return MISSING;
        }
    }

    public boolean exists() {
        return size >= 0;
    }
}
