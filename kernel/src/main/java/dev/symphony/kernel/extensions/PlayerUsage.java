package dev.symphony.kernel.extensions;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one Player has used in this kernel: calls made to it and how many failed (counted in {@link Kernel#call}
 * and {@link Kernel#stream}); with the host's memory and CPU time read from the OS by {@link #snapshot}.
 */
public final class PlayerUsage {
    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();

    /** Calls, failed calls, the host's resident memory (bytes, -1 when unknown or not running) and CPU time (ms). */
    public record Snapshot(long calls, long errors, long residentBytes, long cpuMillis) {
    }

    void called(boolean failed) {
        calls.increment();
        if (failed) {
            errors.increment();
        }
    }

    /** The counts now, with the memory and CPU time of the process {@code pid} (-1: none). */
    public Snapshot snapshot(long pid) {
        long rss = -1;
        long cpu = -1;
        if (pid > 0) {
            var handle = ProcessHandle.of(pid);
            cpu = handle.flatMap(h -> h.info().totalCpuDuration()).map(java.time.Duration::toMillis).orElse(-1L);
            rss = residentBytes(pid);
        }
        return new Snapshot(calls.sum(), errors.sum(), rss, cpu);
    }

    /** VmRSS from {@code /proc/PID/status} (Linux); -1 elsewhere. */
    private static long residentBytes(long pid) {
        java.nio.file.Path status = java.nio.file.Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : java.nio.file.Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }
}
