package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process-count limit for one program an extension started: a Linux control group ({@code pids.max}, cgroup
 * v1 {@code pids} hierarchy or v2) made beside this process's own group. The program joins it before it runs
 * (a shell writes its own pid into the group, then becomes the program), so everything it forks counts, and a
 * fork bomb stops at the limit. {@code RLIMIT_NPROC} would not do: it counts per user and does not bind root.
 * Only where this process may create groups (root, or a delegated hierarchy); elsewhere {@link #create} is empty.
 */
final class ProcessLimit implements AutoCloseable {
    /** Processes (threads count as tasks too) one program and its children may have at once. */
    static final int MAX_TASKS = 64;
    private final Path group;

    private ProcessLimit(Path group) {
        this.group = group;
    }

    static Optional<ProcessLimit> create(String extensionId, int maxTasks) {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return Optional.empty();
        }
        String name = CpuQuota.PREFIX + ProcessHandle.current().pid() + "-" + extensionId + "-program-" + System.nanoTime();
        for (boolean unified : new boolean[] {false, true}) {
            Path group = null;
            try {
                Optional<Path> parent = CpuQuota.ownGroup(unified, "pids");
                if (parent.isEmpty() || !Files.isWritable(parent.get())) {
                    continue;
                }
                group = Files.createDirectories(parent.get().resolve(name));
                Files.writeString(group.resolve("pids.max"), Integer.toString(maxTasks), StandardCharsets.US_ASCII);
                return Optional.of(new ProcessLimit(group));
            } catch (IOException | RuntimeException e) {
                if (group != null) {
                    new ProcessLimit(group).close(); // v2 without the pids controller, a read-only container
                }
            }
        }
        return Optional.empty();
    }

    /** {@code command}, started so that it is in the group before it runs its first instruction. */
    List<String> wrap(List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
                group.resolve("cgroup.procs").toString()));
        cmd.addAll(command);
        return cmd;
    }

    /** Removes the group once the program ended (the OS keeps a group that still has members). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(group);
        } catch (IOException e) {
            // a process outlived the program: the empty group is swept by a later kernel
        }
    }
}
