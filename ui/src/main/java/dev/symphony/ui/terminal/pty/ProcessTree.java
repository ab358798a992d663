package dev.symphony.ui.terminal.pty;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds and ends every process a terminal started. A shell's children are its descendants while it
 * lives; a background job whose parent exited is re-parented and only found through its session,
 * which on Linux is read from {@code /proc} (the shell on a pty is its session's leader, so the
 * session id is the shell's pid). Programs that start their own session ({@code setsid}, daemons)
 * are outside both and are deliberately left alone.
 */
public final class ProcessTree {
    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {}

    /**
     * The handle of a started process, empty when it already exited. pty4j's processes do not
     * implement {@link Process#toHandle()}; looked up by pid right after the start, the handle still
     * records the right process (pid and start time), so it never stands for a later process that
     * reuses the pid.
     */
    public static Optional<ProcessHandle> handleOf(Process process) {
        try {
            return Optional.of(process.toHandle());
        } catch (UnsupportedOperationException e) {
            return ProcessHandle.of(process.pid());
        }
    }

    /**
     * The live processes of the tree whose root has pid {@code rootPid}, the root first when it
     * lives: the root and its descendants through {@code root} (a handle, not a bare pid, so that
     * a recycled pid is never mistaken for the root; empty when the root exited before it was
     * seen), plus the members of its session.
     */
    public static Set<ProcessHandle> members(long rootPid, Optional<ProcessHandle> root) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        root.filter(ProcessHandle::isAlive).ifPresent(r -> {
            members.add(r);
            r.descendants().forEach(members::add);
        });
        members.addAll(sessionMembers(rootPid));
        members.removeIf(p -> !p.isAlive() || p.pid() == ProcessHandle.current().pid());
        return members;
    }

    /**
     * Ends the tree: a hang-up for the root (what closing a terminal window does; shells pass it
     * on to their jobs), a polite SIGTERM for the rest, then after {@code grace} SIGKILL for
     * whatever still lives, including children started in the meantime.
     *
     * @param hangUp sends SIGHUP to the root, e.g. pty4j's {@code UnixPtyProcess::hangup}; may be null
     */
    public static void terminate(long rootPid, Optional<ProcessHandle> root, Runnable hangUp, Duration grace) {
        Set<ProcessHandle> members = members(rootPid, root);
        if (members.isEmpty()) {
            return;
        }
        if (hangUp != null) {
            try {
                hangUp.run();
            } catch (RuntimeException e) {
                // already gone: the SIGTERM below covers it
            }
        }
        members.forEach(ProcessHandle::destroy);
        if (!awaitExit(members, grace)) {
            Set<ProcessHandle> remaining = members(rootPid, root);
            members.stream().filter(ProcessHandle::isAlive).forEach(remaining::add);
            remaining.forEach(ProcessHandle::destroyForcibly);
            awaitExit(remaining, Duration.ofSeconds(2));
        }
    }

    /** True when every process exited within {@code timeout}. */
    static boolean awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return processes.stream().noneMatch(ProcessHandle::isAlive);
        }
    }

    /** Processes whose session id is {@code sessionId} (Linux only; empty elsewhere). */
    static Set<ProcessHandle> sessionMembers(long sessionId) {
        Set<ProcessHandle> members = new LinkedHashSet<>();
        if (!Files.isDirectory(PROC)) {
            return members;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path entry : entries) {
                if (sessionOf(entry) == sessionId) {
                    ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(members::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc unreadable: descendants alone will have to do
        }
        return members;
    }

    private static long sessionOf(Path procEntry) {
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            // pid (comm) state ppid pgrp session ... ; comm may hold spaces and parentheses
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException e) {
            return -1; // exited while we looked
        }
    }

    private static boolean isNumber(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
