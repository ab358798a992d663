package dev.symphony.packaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a latency goes, for {@code symphony bench instruments}: per run, {@link System#nanoTime()} stamps at named
 * points in the order the work passes them (the relay's, the kernel's {@code KernelTrace} marks, the host's marks it
 * reports, the bus's frame stamps, the caller's); {@link #json} gives, per step between neighbouring points, the
 * median in microseconds over the runs that stamped both. Collects the kernel's marks itself ({@link #mark}).
 */
final class LatencySplit {
    private final String[] points;
    private final List<Map<String, Long>> runs = new ArrayList<>();
    private final Map<String, Long> marks = new ConcurrentHashMap<>();

    LatencySplit(String... points) {
        this.points = points;
    }

    /** The kernel's trace: the latest stamp of each mark. */
    void mark(String point, long nanos) {
        marks.put(point, nanos);
    }

    /** The marks of this run so far (the kernel's and, once its stream ended, the host's). */
    Map<String, Long> marks() {
        return Map.copyOf(marks);
    }

    /** Forgets the marks of the last run (before a new one). */
    void clearMarks() {
        marks.clear();
    }

    /**
     * Waits up to {@code millis} for {@code point} to be marked (host marks arrive after their stream ended); at once
     * when this split has no such point.
     */
    boolean awaitMark(String point, long millis) {
        if (!Arrays.asList(points).contains(point)) {
            return false;
        }
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!marks.containsKey(point)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    /** Ends a run: the marks so far plus {@code more} (stamps the bench took itself; 0 means "not stamped"). */
    void endRun(Map<String, Long> more) {
        Map<String, Long> run = new LinkedHashMap<>(marks);
        more.forEach((k, v) -> {
            if (v != 0) {
                run.put(k, v);
            }
        });
        runs.add(run);
    }

    /** {"a>b": median µs, …} over neighbouring points, and "runs": how many runs had every point. */
    ObjectNode json(ObjectMapper json) {
        ObjectNode out = json.createObjectNode();
        int complete = 0;
        for (Map<String, Long> run : runs) {
            if (Arrays.stream(points).allMatch(run::containsKey)) {
                complete++;
            }
        }
        for (int i = 1; i < points.length; i++) {
            List<Long> steps = new ArrayList<>();
            for (Map<String, Long> run : runs) {
                Long a = run.get(points[i - 1]);
                Long b = run.get(points[i]);
                if (a != null && b != null) {
                    steps.add(b - a);
                }
            }
            if (!steps.isEmpty()) {
                steps.sort(null);
                out.put(points[i - 1] + ">" + points[i], Math.round(steps.get(steps.size() / 2) / 100.0) / 10.0);
            }
        }
        return out.put("runs", runs.size()).put("runsWithEveryPoint", complete);
    }
}
