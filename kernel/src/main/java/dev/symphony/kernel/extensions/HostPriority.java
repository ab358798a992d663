package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The CPU priority extension hosts start at, and the switch to normal once the window no longer needs the CPU
 * first. The workbench starts hosts beside its toolkit at the lowest priority (niceness 19, their CPU groups at the
 * matching weight) so its first frame never waits for them; kept for a host's whole life, that priority starved it
 * whenever anything else kept the machine busy (a build in the terminal): a host then got ~1.5 % of what a normal
 * process gets, and the startup extensions did not even connect within 30 s. After {@link #normal()} hosts start
 * at normal priority and the groups of running ones get the normal weight. A host without a CPU group (no control
 * groups can be made here) keeps the niceness it started with: an unprivileged process cannot lower it again.
 */
final class HostPriority {
    private volatile int niceness;
    private final Set<Tracked> groups = ConcurrentHashMap.newKeySet();

    private record Tracked(String id, CpuQuota group) {}

    HostPriority(int niceness) {
        this.niceness = Math.max(0, niceness);
    }

    /** The niceness a host started now runs at (0: normal). */
    int niceness() {
        return niceness;
    }

    /**
     * A host's CPU group, made with the weight of {@code startedAt}, re-weighted by {@link #normal()}; the returned
     * action forgets it (its host exited).
     */
    Runnable track(String id, CpuQuota group, int startedAt) {
        Tracked t = new Tracked(id, group);
        groups.add(t);
        if (startedAt > 0 && niceness == 0) { // normal() ran between this host's start and now
            weigh(t, (who, why) -> { });
        }
        return () -> groups.remove(t);
    }

    /** Hosts started from now on run at normal priority; running hosts' groups get the normal weight. */
    void normal(BiConsumer<String, String> log) {
        if (niceness == 0) {
            return;
        }
        niceness = 0;
        for (Tracked t : groups) {
            weigh(t, log);
        }
    }

    private static void weigh(Tracked t, BiConsumer<String, String> log) {
        try {
            t.group().weigh(0);
            log.accept(t.id(), "CPU priority raised to normal (" + t.group().describe() + ")");
        } catch (IOException | RuntimeException e) { // the group is gone with its host
            log.accept(t.id(), "CPU priority not raised: " + e.getMessage());
        }
    }
}
