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
 * The process-count and memory limits of one host JVM (and everything under it: bwrap, the programs it starts itself),
 * set by the OS before the host runs its first instruction. In order of preference:
 * <ol>
 *   <li>a <b>control group</b> of its own beside the kernel's (root, or a delegated hierarchy): {@code pids.max} and
 *       {@code memory.max} (v2; {@code memory.swap.max} 0) or the v1 {@code pids} and {@code memory} hierarchies. A
 *       shell writes its own pid into the groups and then becomes the host, so a thread or fork bomb stops at
 *       {@link #MAX_TASKS} and memory past {@link #memoryBytes} makes the OS end the host ({@link #stoppedAtMemoryLimit}
 *       tells the supervisor, which names the limit);</li>
 *   <li>a <b>systemd user scope</b> ({@code systemd-run --user --scope -p TasksMax -p MemoryMax}): the usual desktop
 *       case, where the user's session is a delegated cgroup v2 tree;</li>
 *   <li>otherwise {@code RLIMIT_NPROC} through {@code prlimit}: the user's task count when the host starts plus
 *       {@link #MAX_TASKS} — it counts every task of the user, and does not bind root; no memory limit beyond
 *       {@code -Xmx}.</li>
 * </ol>
 * What the memory limit counts: the JVM's heap and native memory, and the pages of RAM-backed files the host writes
 * (its bus queue in {@code /dev/shm}, its sandbox's {@code /tmp} and {@code /dev/shm}) — tmpfs pages are charged to
 * the group of the process that wrote them, and without swap they cannot be reclaimed. The bus rolls its queue files
 * every five minutes and the kernel deletes each one it has read, so a busy host's queue pages stay bounded. Only
 * {@code memory.max} is set, never {@code memory.high} (which throttles a group near it: a stall, not an error), and
 * no swap, so a host past its limit ends at once rather than thrashing. A host's peak is logged when it ends.
 */
final class HostLimits implements AutoCloseable {
    /** Tasks (threads count) one host and its children may have at once: a JVM host uses 20 to 60. */
    static final int MAX_TASKS = 512;
    /** Memory beyond the heap a host may use: metaspace, code, thread stacks, direct buffers, its bus queue and tmpfs files, DJL's natives. */
    static final int NATIVE_ALLOWANCE_MB = 1024;
    /** More for a host granted {@code permissions.tools}: the programs it runs itself (language servers) share its limit. */
    static final int TOOLS_ALLOWANCE_MB = 2048;
    private static volatile Boolean systemdScopes;

    private final List<String> prefix;
    private final List<Path> groups;
    private final boolean unified;
    private final String description;
    /** The memory limit the OS enforces on the host, in bytes; 0 for none. */
    private final long memoryLimit;
    /** The v1 memory group or v2 group whose counters tell whether the OS ended the host for memory; null for none. */
    private final Path memoryGroup;
    /** For a systemd scope (its group is gone with the host): the machine's OOM kills when the host started. */
    private final long oomKillsAtStart;
    private Boolean memoryKilled;
    private long peakBytes = -1;

    private HostLimits(List<String> prefix, List<Path> groups, String description) {
        this(prefix, groups, false, description, 0, null);
    }

    private HostLimits(List<String> prefix, List<Path> groups, boolean unified, String description, long memoryLimit, Path memoryGroup) {
        this.unified = unified;
        this.prefix = prefix;
        this.groups = groups;
        this.description = description;
        this.memoryLimit = memoryLimit;
        this.memoryGroup = memoryGroup;
        this.oomKillsAtStart = memoryLimit > 0 && memoryGroup == null ? machineOomKills() : 0;
    }

    /** The memory limit for a host with this heap that runs tool programs itself or not. */
    static long memoryBytes(int maxHeapMb, boolean tools) {
        return (long) (maxHeapMb + NATIVE_ALLOWANCE_MB + (tools ? TOOLS_ALLOWANCE_MB : 0)) << 20;
    }

    /** Limits for a host of {@code extensionId}: a group where one can be made, else a scope, else an rlimit, else none. */
    static HostLimits create(String extensionId, int maxTasks, long memoryBytes) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return new HostLimits(List.of(), List.of(), "no process-count or memory limit on " + System.getProperty("os.name")
                    + " beyond -Xmx");
        }
        String name = CpuQuota.PREFIX + ProcessHandle.current().pid() + "-" + extensionId + "-limits-" + System.nanoTime();
        Optional<HostLimits> group = v1(name, maxTasks, memoryBytes).or(() -> v2(name, maxTasks, memoryBytes));
        if (group.isPresent()) {
            return group.get();
        }
        if (systemdScopesWork()) {
            return new HostLimits(List.of("systemd-run", "--user", "--scope", "--quiet", "--collect", "-p", "TasksMax=" + maxTasks,
                    "-p", "MemoryMax=" + memoryBytes, "-p", "MemorySwapMax=0", "--"), List.of(), false,
                    "systemd user scope: TasksMax=" + maxTasks + ", MemoryMax=" + (memoryBytes >> 20) + " MB", memoryBytes, null);
        }
        return rlimit(maxTasks);
    }

    /** The last resort: {@code RLIMIT_NPROC} through {@code prlimit}, or nothing where that is missing too. */
    static HostLimits rlimit(int maxTasks) {
        if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
            long nproc = userTasks() + maxTasks;
            return new HostLimits(List.of("/usr/bin/prlimit", "--nproc=" + nproc + ":" + nproc, "--"), List.of(),
                    "RLIMIT_NPROC " + nproc + " (the user's tasks + " + maxTasks + "; does not bind root); no memory limit beyond -Xmx"
                            + " (no control group or systemd user scope can be made here)");
        }
        return new HostLimits(List.of(), List.of(), "no process-count or memory limit beyond -Xmx (no control group, systemd user "
                + "scope or prlimit here)");
    }

    private static Optional<HostLimits> v1(String name, int maxTasks, long memoryBytes) {
        List<Path> made = new ArrayList<>();
        try {
            Optional<Path> pids = CpuQuota.ownGroup(false, "pids");
            Optional<Path> memory = CpuQuota.ownGroup(false, "memory");
            if (pids.isEmpty() || memory.isEmpty() || !Files.isWritable(pids.get()) || !Files.isWritable(memory.get())) {
                return Optional.empty();
            }
            CpuQuota.sweepStale(pids.get());
            CpuQuota.sweepStale(memory.get());
            Path p = made(made, pids.get().resolve(name));
            write(p.resolve("pids.max"), Long.toString(maxTasks));
            Path m = made(made, memory.get().resolve(name));
            write(m.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
            optional(m.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes)); // with swap accounting: no swapping past it
            return Optional.of(new HostLimits(joinFirst(made), made, false, "cgroup v1 pids.max " + maxTasks + ", memory.limit_in_bytes "
                    + (memoryBytes >> 20) + " MB (" + p.getFileName() + ")", memoryBytes, m));
        } catch (IOException | RuntimeException e) {
            new HostLimits(List.of(), made, "").close();
            return Optional.empty();
        }
    }

    private static Optional<HostLimits> v2(String name, int maxTasks, long memoryBytes) {
        List<Path> made = new ArrayList<>();
        try {
            Optional<Path> parent = CpuQuota.ownGroup(true, "");
            if (parent.isEmpty() || !Files.isWritable(parent.get())) {
                return Optional.empty();
            }
            CpuQuota.sweepStale(parent.get());
            Path g = made(made, parent.get().resolve(name));
            write(g.resolve("pids.max"), Long.toString(maxTasks));
            write(g.resolve("memory.max"), Long.toString(memoryBytes));
            optional(g.resolve("memory.swap.max"), "0"); // its tmpfs pages cannot escape the limit into swap
            return Optional.of(new HostLimits(joinFirst(made), made, true, "cgroup v2 pids.max " + maxTasks + ", memory.max "
                    + (memoryBytes >> 20) + " MB (" + g.getFileName() + ")", memoryBytes, g));
        } catch (IOException | RuntimeException e) {
            new HostLimits(List.of(), made, "").close(); // the pids or memory controller is not enabled for children here
            return Optional.empty();
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    private static void optional(Path file, String value) {
        try {
            write(file, value);
        } catch (IOException e) {
            // not accounted here (no swap accounting): the limit above still holds where there is no swap
        }
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

    /** The memory limit the OS holds the host to, in bytes; 0 where there is none beyond {@code -Xmx}. */
    long memoryLimit() {
        return memoryLimit;
    }

    /**
     * True when the OS ended the host because it used more than {@link #memoryLimit()}: its group's out-of-memory kill
     * count ({@code oom_kill} in v1 {@code memory.oom_control} or v2 {@code memory.events}); for a systemd scope, whose
     * group goes with the host, a kill by SIGKILL while the machine's {@code oom_kill} count rose.
     */
    synchronized boolean stoppedAtMemoryLimit(int exitCode) {
        if (memoryLimit == 0) {
            return false;
        }
        if (memoryGroup == null) {
            return exitCode == 137 && machineOomKills() > oomKillsAtStart;
        }
        if (memoryKilled == null) {
            readCounters();
        }
        return Boolean.TRUE.equals(memoryKilled);
    }

    /** True once the OS killed something for memory in the host's group (for a scope: anywhere, since the host started). */
    synchronized boolean oomKillSeen() {
        if (memoryLimit == 0) {
            return false;
        }
        if (memoryGroup == null) {
            return machineOomKills() > oomKillsAtStart;
        }
        return memoryKilled != null ? memoryKilled
                : counter(memoryGroup.resolve(unified ? "memory.events" : "memory.oom_control"), "oom_kill") > 0;
    }

    /** The most memory the host's group held, in bytes, or -1 where unknown (read when the host ended). */
    synchronized long peakBytes() {
        return peakBytes;
    }

    private void readCounters() {
        boolean v1 = !unified;
        memoryKilled = counter(memoryGroup.resolve(v1 ? "memory.oom_control" : "memory.events"), "oom_kill") > 0;
        try {
            peakBytes = Long.parseLong(Files.readString(memoryGroup.resolve(v1 ? "memory.max_usage_in_bytes" : "memory.peak")).strip());
        } catch (IOException | NumberFormatException e) {
            peakBytes = -1; // memory.peak is new in Linux 5.19
        }
    }

    private static long counter(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static long machineOomKills() {
        return counter(Path.of("/proc/vmstat"), "oom_kill");
    }

    /**
     * Removes the groups once the host ended (the OS keeps a group that still has members; a later kernel sweeps it),
     * keeping what their counters said.
     */
    @Override
    public synchronized void close() {
        if (memoryGroup != null && memoryKilled == null) {
            readCounters();
        }
        for (Path g : groups) {
            try {
                Files.deleteIfExists(g);
            } catch (IOException e) {
                // a process outlived the host
            }
        }
    }
}
