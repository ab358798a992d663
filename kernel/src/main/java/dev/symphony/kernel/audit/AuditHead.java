package dev.symphony.kernel.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The newest entry's number and digest, kept in a file beside the log folder ({@code <data>/audit.head}),
 * replaced atomically after every batch is on disk. A log whose last entry was changed, or whose end was
 * cut off, no longer ends where the head says.
 */
record AuditHead(long seq, String hash) {
    static Path fileFor(Path logDir) {
        return logDir.resolveSibling(logDir.getFileName() + ".head");
    }

    static Optional<AuditHead> read(Path logDir) throws IOException {
        Path f = fileFor(logDir);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        String[] parts = Files.readString(f, StandardCharsets.US_ASCII).trim().split(" ");
        if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}") || !parts[0].matches("[0-9]{1,18}")) {
            throw new IOException(f + " is not a head record (\"SEQ HASH\")");
        }
        return Optional.of(new AuditHead(Long.parseLong(parts[0]), parts[1]));
    }

    void write(Path logDir) throws IOException {
        Path f = fileFor(logDir);
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap((seq + " " + hash + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
