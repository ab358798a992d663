package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lowers the CPU priority of a host that floods the bus past its quota. Dropping what is over the quota protects the
 * kernel's memory and listeners, but a host that sends as fast as it can still takes a whole core writing frames
 * that the kernel then reads and drops: on a small machine that is the other hosts' round trips (issue 14's flood
 * bar). Its tasks are moved to Linux's {@code SCHED_IDLE} policy for the rest of its life: below even niceness 19
 * (which the IDE's hosts already have), so it still runs, but gets little CPU while anything else wants it (a
 * scheduler weight of 3 against 15 at niceness 19 and 1024 at 0). {@code chrt --all-tasks} sets every thread of the
 * host's processes (the sandbox wrapper, the JVM and its children); threads started later inherit the policy.
 * Lowering one's own processes needs no privilege. Linux only (elsewhere nothing is done and the log says so).
 */
final class FloodThrottle {
    /** {@code SCHED_IDLE}, as {@code /proc/PID/task/TID/stat} reports a task's policy (field 41). */
    static final int SCHED_IDLE = 5;

    private FloodThrottle() {
    }

    /** Moves {@code host}'s tasks to {@code SCHED_IDLE}; what was done, for the log and the audit. */
    static String lowerPriority(ProcessHandle host) {
        if (!Files.isDirectory(Path.of("/proc/self/task")) || !Files.isExecutable(Path.of("/usr/bin/chrt"))) {
            return "its priority could not be lowered here (no /proc or chrt)";
        }
        List<ProcessHandle> processes = Stream.concat(Stream.of(host), host.descendants()).toList();
        int done = 0;
        for (ProcessHandle p : processes) {
            try {
                if (chrtIdle("--all-tasks", Long.toString(p.pid())) == 0) {
                    done++;
                }
            } catch (IOException e) {
                return "its priority could not be lowered: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "lowering its priority was interrupted";
            }
        }
        return "the tasks of " + done + " of its " + processes.size() + " processes scheduled as SCHED_IDLE (lowest CPU priority)";
    }

    /**
     * Moves the calling thread alone to {@code SCHED_IDLE} (the kernel's pump thread for a flooding host's channel): its
     * thread id from {@code /proc/thread-self}, then {@code chrt} on that id. What was done, for the audit.
     */
    static String lowerCurrentThread() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.isExecutable(Path.of("/usr/bin/chrt")) || !Files.isSymbolicLink(self)) {
            return "its priority could not be lowered here (no /proc/thread-self or chrt)";
        }
        try {
            String tid = Files.readSymbolicLink(self).getFileName().toString(); // "PID/task/TID"
            int exit = chrtIdle(tid);
            return exit == 0 ? "thread " + tid + " scheduled as SCHED_IDLE"
                    : exit == TIMED_OUT ? "lowering its priority timed out"
                    : "lowering its priority failed (chrt exited with " + exit + ")";
        } catch (IOException e) {
            return "its priority could not be lowered: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "lowering its priority was interrupted";
        }
    }

    private static final int TIMED_OUT = -1;

    /** {@code chrt [OPTION] --idle --pid 0 ID}: its exit value, or {@link #TIMED_OUT} after 5 s (then it is killed). */
    private static int chrtIdle(String... optionAndId) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/chrt"));
        cmd.addAll(List.of(optionAndId).subList(0, optionAndId.length - 1));
        cmd.addAll(List.of("--idle", "--pid", "0", optionAndId[optionAndId.length - 1]));
        Process chrt = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!chrt.waitFor(5, TimeUnit.SECONDS)) {
            chrt.destroyForcibly();
            return TIMED_OUT;
        }
        return chrt.exitValue();
    }

    /** The thread ids of process {@code pid} (none when it is gone). */
    static List<String> tasks(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.map(t -> t.getFileName().toString()).toList();
        } catch (IOException | java.io.UncheckedIOException gone) {
            return List.of();
        }
    }

    /** The scheduling policy of task {@code tid} of process {@code pid} as the OS reports it (field 41 of its stat line). */
    static int policy(long pid, String tid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", tid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[38]); // fields after the name start at state (3): policy is field 41
    }
}
