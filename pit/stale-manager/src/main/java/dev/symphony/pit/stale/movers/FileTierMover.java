package dev.symphony.pit.stale.movers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.symphony.pit.stale.api.ItemKind;
import dev.symphony.pit.stale.api.Tier;
import dev.symphony.pit.stale.api.TierMover;

/**
 * Moves files whose key is their path: WARM is a no-op (still local), COLD moves the file under
 * {@code <archive>/<kind>/} keeping its path relative to {@code localRoot}, DELETED deletes it from
 * wherever it is. Moves across file systems copy, fsync, then delete the original, so a crash leaves a
 * complete copy in at least one place.
 */
public final class FileTierMover implements TierMover {
    private final Path localRoot;
    private final Path archiveRoot;

    public FileTierMover(Path localRoot, Path archiveRoot) {
        this.localRoot = localRoot.toAbsolutePath().normalize();
        this.archiveRoot = archiveRoot.toAbsolutePath().normalize();
    }

    /** Where a tracked file lives once archived. */
    public Path archivedPath(ItemKind kind, String key) {
        Path local = Path.of(key).toAbsolutePath().normalize();
        Path relative = local.startsWith(localRoot) ? localRoot.relativize(local) : local.getFileName();
        return archiveRoot.resolve(kind.name().toLowerCase(java.util.Locale.ROOT)).resolve(relative);
    }

    @Override
    public boolean move(int handle, ItemKind kind, String key, long externalId, Tier from, Tier to) {
        try {
            Path local = Path.of(key);
            switch (to) {
                case HOT, WARM -> {
                    return true;
                }
                case COLD -> {
                    Path target = archivedPath(kind, key);
                    Files.createDirectories(target.getParent());
                    try {
                        Files.move(local, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.copy(local, target, StandardCopyOption.REPLACE_EXISTING);
                        try (var channel = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
                            channel.force(true);
                        }
                        Files.delete(local);
                    }
                    return true;
                }
                case DELETED -> {
                    boolean deleted = Files.deleteIfExists(archivedPath(kind, key));
                    return Files.deleteIfExists(local) || deleted || true;
                }
                default -> throw new IllegalStateException("unknown tier " + to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moving " + key + " from " + from + " to " + to + " failed: " + e.getMessage(), e);
        }
    }
}
