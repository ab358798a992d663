package dev.symphony.pit.artifact.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What opening the store found in its write-ahead log.
 *
 * @param segments     log segment files replayed
 * @param records      complete, checksum-valid records replayed
 * @param droppedBytes bytes of torn or corrupt tail removed from the log (kept in {@code quarantined} files)
 * @param quarantined  where dropped bytes were saved for inspection; nothing is silently thrown away
 */
public record RecoveryReport(int segments, long records, long droppedBytes, List<Path> quarantined) {
    public RecoveryReport {
        quarantined = List.copyOf(quarantined);
    }
}
