package dev.symphony.ui.probe;

import java.lang.management.ManagementFactory;

/**
 * Startup phase marks on stderr, for finding where startup time goes: on with
 * {@code -Dsymphony.trace.startup=true} (e.g. via SYMPHONY_JAVA_OPTS), silent otherwise.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("symphony.trace.startup");

    private StartupTrace() {}

    public static void mark(String phase) {
        if (ON) {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            System.err.println("[startup] " + sinceJvmStart + " ms (cpu " + cpuMs + " ms) " + phase);
        }
    }
}
