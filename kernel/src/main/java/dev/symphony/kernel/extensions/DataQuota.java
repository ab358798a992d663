package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much disk an extension may fill under its data folder ({@code <data>/extension-data/<id>/}, bound writable into its
 * sandbox). No mechanism here binds the sum of a folder without root (project quotas need root and a file system
 * mounted with them; a size-limited mount needs privileges the kernel does not have), so two parts:
 * <ul>
 *   <li>while it runs, every file the host and the programs it or the kernel start for it write is capped at
 *       {@link #BYTES} by {@code RLIMIT_FSIZE} ({@code prlimit --fsize}): a write past it fails in the host with
 *       "File too large" (the JVM ignores {@code SIGXFSZ}), so one runaway file cannot fill the user's disk;</li>
 *   <li>before it starts, the folder's total is measured: a host whose folder holds more than {@link #BYTES} is not
 *       started, with an error naming the folder, its size and the quota.</li>
 * </ul>
 * Not bound: many files, each under the cap, written by one running host (measured at its next start).
 */
final class DataQuota {
    /** Per extension: its data folder's total before a start, and each file it writes. */
    static final long BYTES = 2L << 30;

    private DataQuota() {
    }

    /** The command prefix that caps each file the program under it writes at {@code bytes} (empty where prlimit is missing). */
    static List<String> prefix(long bytes) {
        if (!System.getProperty("os.name", "").startsWith("Linux") || !Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
            return List.of();
        }
        return List.of("/usr/bin/prlimit", "--fsize=" + bytes + ":" + bytes, "--");
    }

    /** Refuses to start {@code extensionId} while its data folder holds more than {@code bytes}. */
    static void checkBeforeStart(String extensionId, Path dataDir, long bytes) {
        long used = usage(dataDir);
        if (used > bytes) {
            throw new CallFailedException(ErrorCode.LIMIT_EXCEEDED, "extension " + extensionId + " is not started: its data folder "
                    + dataDir + " holds " + (used >> 20) + " MB, over its quota of " + (bytes >> 20)
                    + " MB; delete what it does not need there, then call it again");
        }
    }

    /** The bytes in regular files under {@code dir} (links not followed); 0 for a missing folder. */
    static long usage(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
