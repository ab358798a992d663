package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A kernel-enforced CPU quota for one extension host: a Linux control group (cgroup v2 {@code cpu.max}
 * or v1 {@code cpu.cfs_quota_us}) created beside this process's own group, which the host's
 * processes join. The OS scheduler then throttles the host to its manifest's {@code maxCpuShare}
 * of the machine, whatever the extension's code does. Only where this process may create groups
 * (root, or a delegated hierarchy); elsewhere {@link #create} is empty and the share stays a JVM
 * hint ({@code -XX:ActiveProcessorCount}).
 * <p>
 * The group also carries the host's scheduling weight: the scheduler shares CPU between groups
 * first and applies a process's niceness only inside its group, so a niced host in a group of its
 * own would compete with the whole IDE at full weight (three host groups took as much CPU as the IDE
 * while it drew its first frame). The group's weight is that of the niceness instead.
 */
class CpuQuota implements AutoCloseable {
    static final long PERIOD_US = 100_000;
    private final Path group;
    private final boolean v2;

    private CpuQuota(Path group, boolean v2) {
        this.group = group;
        this.v2 = v2;
    }

    /**
     * A new group limited to {@code share} of all CPUs and weighted like a process of this
     * {@code niceness} (0 to 19), or empty when groups cannot be made here. {@code name} must start
     * with {@link #PREFIX} and this kernel's pid (see {@link #groupName}).
     */
    static Optional<CpuQuota> create(String name, double share, int niceness) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return Optional.empty();
        }
        long quota = Math.max(1000, Math.round(share * Runtime.getRuntime().availableProcessors() * PERIOD_US));
        for (boolean unified : new boolean[] {false, true}) {
            Path group = null;
            try {
                Optional<Path> parent = ownGroup(unified, "cpu");
                if (parent.isEmpty() || !Files.isWritable(parent.get())) {
                    continue;
                }
                sweepStale(parent.get());
                group = Files.createDirectories(parent.get().resolve(name));
                if (unified) {
                    write(group.resolve("cpu.max"), quota + " " + PERIOD_US);
                } else {
                    write(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
                    write(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
                }
                CpuQuota made = new CpuQuota(group, unified);
                made.weigh(niceness);
                return Optional.of(made);
            } catch (IOException | RuntimeException e) {
                // not permitted here (no delegation, a read-only container, v2 without the cpu controller)
                if (group != null) {
                    new CpuQuota(group, unified).close();
                }
            }
        }
        return Optional.empty();
    }

    /** The quota written into an existing v2 group the host is already in (its {@link HostLimits} group); closing it leaves the group. */
    static Optional<CpuQuota> inGroup(Path group, double share, int niceness) {
        long quota = Math.max(1000, Math.round(share * Runtime.getRuntime().availableProcessors() * PERIOD_US));
        try {
            write(group.resolve("cpu.max"), quota + " " + PERIOD_US);
            CpuQuota existing = new CpuQuota(group, true) {
                @Override
                void add(ProcessHandle process) {
                    // already a member, from before its first instruction
                }
            };
            existing.weigh(niceness);
            return Optional.of(existing);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the cpu controller is not enabled for children here
        }
    }

    /** The scheduler's weight of a task with this niceness (1024 at 0, each step 1.25 times less). */
    static long weight(int niceness) {
        return Math.round(1024 / Math.pow(1.25, Math.max(-20, Math.min(19, niceness))));
    }

    /** Gives the group the scheduling weight of a process of this {@code niceness} (v1 {@code cpu.shares}, v2 {@code cpu.weight}). */
    void weigh(int niceness) throws IOException {
        if (v2) {
            write(group.resolve("cpu.weight"), Long.toString(Math.max(1, Math.round(weight(niceness) * 100.0 / 1024))));
        } else {
            write(group.resolve("cpu.shares"), Long.toString(Math.max(2, weight(niceness))));
        }
    }

    /** The group's scheduling weight as the OS reports it (v1 {@code cpu.shares}, v2 {@code cpu.weight}). */
    long reportedWeight() throws IOException {
        return Long.parseLong(Files.readString(group.resolve(v2 ? "cpu.weight" : "cpu.shares")).trim());
    }

    static final String PREFIX = "symphony-host-";

    /** A group name that says which kernel made it, so a later kernel can remove it if that one died. */
    static String groupName(String extensionId) {
        return PREFIX + ProcessHandle.current().pid() + "-" + extensionId + "-" + System.nanoTime();
    }

    /** Removes empty groups left by kernels that are no longer running. */
    static void sweepStale(Path parent) throws IOException {
        try (var groups = Files.list(parent)) {
            for (Path g : (Iterable<Path>) groups::iterator) {
                String n = g.getFileName().toString();
                if (n.startsWith(PREFIX)) {
                    String pid = n.substring(PREFIX.length()).split("-", 2)[0];
                    if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        new CpuQuota(g, false).close();
                    }
                }
            }
        }
    }

    /** Moves a process (all its threads, and children it starts later) into the group. */
    void add(ProcessHandle process) throws IOException {
        write(group.resolve("cgroup.procs"), Long.toString(process.pid()));
    }

    /** What limits the host, for logs and {@code ext list}. */
    String describe() {
        return (v2 ? "cgroup v2 cpu.max " : "cgroup v1 cfs quota ") + group;
    }

    /** Removes the group once its processes have exited (a group with members cannot be removed). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(group);
        } catch (IOException e) {
            // still has a member (a process that outlived its host); the OS keeps the empty group
        }
    }

    /**
     * This process's group in the v1 hierarchy of {@code controller} or in the unified (v2) one, as a folder
     * under its mount point.
     */
    static Optional<Path> ownGroup(boolean unified, String controller) throws IOException {
        String ownPath = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && (unified ? f[0].equals("0") && f[1].isEmpty() : List.of(f[1].split(",")).contains(controller))) {
                ownPath = f[2];
            }
        }
        if (ownPath == null) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] halves = line.split(" - ", 2);
            String[] mount = halves[0].split(" ");
            String[] fs = halves.length == 2 ? halves[1].split(" ") : new String[0];
            if (mount.length < 5 || fs.length < 3) {
                continue;
            }
            boolean match = unified ? fs[0].equals("cgroup2")
                    : fs[0].equals("cgroup") && List.of(fs[2].split(",")).contains(controller);
            String root = mount[3];
            if (match && ownPath.startsWith(root)) {
                String relative = ownPath.substring(root.length()).replaceFirst("^/", "");
                return Optional.of(Path.of(mount[4]).resolve(relative));
            }
        }
        return Optional.empty();
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }
}
