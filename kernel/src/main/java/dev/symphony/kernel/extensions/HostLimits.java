package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The process-count limit of one host JVM (and everything under it: bwrap, the programs it starts itself), set by the
 * OS before the host runs its first instruction. In order of preference:
 * <ol>
 *   <li>a <b>control group</b> of its own beside the kernel's (root, or a delegated hierarchy): {@code pids.max}
 *       (v2, or the v1 {@code pids} hierarchy). A shell writes its own pid into the group and then becomes the host,
 *       so a thread or fork bomb stops at {@link #MAX_TASKS};</li>
 *   <li>a <b>systemd user scope</b> ({@code systemd-run --user --scope -p TasksMax}): the usual desktop case, where the
 *       user's session is a delegated cgroup v2 tree;</li>
 *   <li>otherwise {@code RLIMIT_NPROC} through {@code prlimit}: the user's task count when the host starts plus
 *       {@link #MAX_TASKS} — it counts every task of the user, and does not bind root.</li>
 * </ol>
 * No memory limit beyond {@code -Xmx}: a group memory limit (heap + 1 GiB) was tried and made idle test hosts stall
 * and be killed as hung (KernelIntegrationTest, 3 runs of 4): the group is charged for page cache and the bus's
 * queue pages in {@code /dev/shm} too, which needs measuring before a limit is chosen. The host's log says which
 * limit applies ({@link #describe}).
 */
final class HostLimits implements AutoCloseable {
    /** Tasks (threads count) one host and its children may have at once: a JVM host uses 20 to 60. */
    static final int MAX_TASKS = 512;
    private static volatile Boolean systemdScopes;

    private final List<String> prefix;
    private final List<Path> groups;
    private final boolean unified;
    private final String description;

    private HostLimits(List<String> prefix, List<Path> groups, String description) {
        this(prefix, groups, false, description);
    }

    private HostLimits(List<String> prefix, List<Path> groups, boolean unified, String description) {
        this.unified = unified;
        this.prefix = prefix;
        this.groups = groups;
        this.description = description;
    }

    /** Limits for a host of {@code extensionId}: a group where one can be made, else a scope, else an rlimit, else none. */
    static HostLimits create(String extensionId, int maxTasks) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return new HostLimits(List.of(), List.of(), "no process-count limit on " + System.getProperty("os.name")
                    + " beyond -Xmx");
        }
        String name = CpuQuota.PREFIX + ProcessHandle.current().pid() + "-" + extensionId + "-limits-" + System.nanoTime();
        Optional<HostLimits> group = v1(name, maxTasks).or(() -> v2(name, maxTasks));
        if (group.isPresent()) {
            return group.get();
        }
        if (systemdScopesWork()) {
            return new HostLimits(List.of("systemd-run", "--user", "--scope", "--quiet", "--collect", "-p", "TasksMax=" + maxTasks, "--"),
                    List.of(), "systemd user scope: TasksMax=" + maxTasks);
        }
        return rlimit(maxTasks);
    }

    /** The last resort: {@code RLIMIT_NPROC} through {@code prlimit}, or nothing where that is missing too. */
    static HostLimits rlimit(int maxTasks) {
        if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
            long nproc = userTasks() + maxTasks;
            return new HostLimits(List.of("/usr/bin/prlimit", "--nproc=" + nproc + ":" + nproc, "--"), List.of(),
                    "RLIMIT_NPROC " + nproc + " (the user's tasks + " + maxTasks + "; does not bind root)"
                            + " (no control group or systemd user scope can be made here)");
        }
        return new HostLimits(List.of(), List.of(), "no process-count limit (no control group, systemd user "
                + "scope or prlimit here)");
    }

    private static Optional<HostLimits> v1(String name, int maxTasks) {
        List<Path> made = new ArrayList<>();
        try {
            Optional<Path> pids = CpuQuota.ownGroup(false, "pids");
            if (pids.isEmpty() || !Files.isWritable(pids.get())) {
                return Optional.empty();
            }
            CpuQuota.sweepStale(pids.get());
            Path p = made(made, pids.get().resolve(name));
            write(p.resolve("pids.max"), Long.toString(maxTasks));
            return Optional.of(new HostLimits(joinFirst(made), made, false, "cgroup v1 pids.max " + maxTasks + " (" + p.getFileName() + ")"));
        } catch (IOException | RuntimeException e) {
            new HostLimits(List.of(), made, "").close();
            return Optional.empty();
        }
    }

    private static Optional<HostLimits> v2(String name, int maxTasks) {
        List<Path> made = new ArrayList<>();
        try {
            Optional<Path> parent = CpuQuota.ownGroup(true, "");
            if (parent.isEmpty() || !Files.isWritable(parent.get())) {
                return Optional.empty();
            }
            CpuQuota.sweepStale(parent.get());
            Path g = made(made, parent.get().resolve(name));
            write(g.resolve("pids.max"), Long.toString(maxTasks));
            return Optional.of(new HostLimits(joinFirst(made), made, true, "cgroup v2 pids.max " + maxTasks + " (" + g.getFileName() + ")"));
        } catch (IOException | RuntimeException e) {
            new HostLimits(List.of(), made, "").close(); // the pids controller is not enabled for children here
            return Optional.empty();
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    private static Path made(List<Path> made, Path group) throws IOException {
        made.add(Files.createDirectories(group));
        return group;
    }

    /** A shell that puts itself into every group, then becomes the host: nothing runs outside them. */
    private static List<String> joinFirst(List<Path> groups) {
        StringBuilder script = new StringBuilder();
        for (Path g : groups) {
            String procs = g.resolve("cgroup.procs").toString();
            if (procs.contains("'")) {
                throw new IllegalArgumentException("a control group path with a quote: " + procs);
            }
            script.append("echo $$ > '").append(procs).append("' && ");
        }
        return List.of("/bin/sh", "-c", script + "exec \"$@\"", "sh");
    }

    private static synchronized boolean systemdScopesWork() {
        if (systemdScopes == null) {
            boolean works = false;
            try {
                Process p = new ProcessBuilder("systemd-run", "--user", "--scope", "--quiet", "--collect", "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                works = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
                p.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                works = false;
            }
            systemdScopes = works;
        }
        return systemdScopes;
    }

    /** Tasks (threads) the user who runs Symphony has now, as {@code RLIMIT_NPROC} counts them. */
    static long userTasks() {
        long tasks = 0;
        try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            String uid = null;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    uid = line.split("\\s+")[1];
                }
            }
            for (Path proc : procs) {
                try {
                    String owner = null;
                    long threads = 0;
                    for (String line : Files.readAllLines(proc.resolve("status"))) {
                        if (line.startsWith("Uid:")) {
                            owner = line.split("\\s+")[1];
                        } else if (line.startsWith("Threads:")) {
                            threads = Long.parseLong(line.split("\\s+")[1]);
                        }
                    }
                    if (owner != null && owner.equals(uid)) {
                        tasks += threads;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return tasks;
    }

    /** The command prefix that starts the host under these limits (empty: none). */
    List<String> prefix() {
        return prefix;
    }

    /**
     * The host's cgroup v2 group, if that is what limits it: a process is in one v2 group only, so the host's CPU quota
     * goes into this group ({@link CpuQuota#inGroup}) instead of a group of its own, which would take it out of this one.
     */
    Optional<Path> unifiedGroup() {
        return unified ? Optional.of(groups.get(0)) : Optional.empty();
    }

    /** Which limit applies, for the host's log. */
    String describe() {
        return description;
    }

    /** Removes the groups once the host ended (the OS keeps a group that still has members; a later kernel sweeps it). */
    @Override
    public void close() {
        for (Path g : groups) {
            try {
                Files.deleteIfExists(g);
            } catch (IOException e) {
                // a process outlived the host
            }
        }
    }
}
