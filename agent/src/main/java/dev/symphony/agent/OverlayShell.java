package dev.symphony.agent;

import dev.symphony.kernel.extensions.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs an agent's command in a copy-on-write view of the workspace: a user and mount namespace of its own
 * ({@code unshare --user --map-root-user --mount}) in which overlayfs is mounted over the workspace's path (the
 * workspace the lower layer, an empty folder of {@code scratch} the upper), so whatever the command writes, deletes or
 * renames — {@code .git} included — lands in the upper folder and the real workspace is not touched while it runs.
 * {@link OverlayRun} reads what it changed from the upper folder and applies it when the step is accepted. Bubblewrap
 * 0.8 has no overlay options, hence {@code unshare}; where the kernel refuses an overlay in a user namespace (before
 * Linux 5.11, user namespaces disabled, another OS) {@link #unavailable} says why and commands run in the workspace.
 * Inside that namespace the command runs confined by bubblewrap ({@link CommandRunner#confinement}: no network, the
 * overlay the only folder it may write, the rest of the file system read-only or hidden); where bubblewrap is missing or
 * does not run there, {@link #unconfined} says why.
 */
public final class OverlayShell {
    private static final String MOUNT = "mount -t overlay overlay -o \"lowerdir=$1,upperdir=$2,workdir=$3,userxattr\" \"$1\""
            + " || { echo \"symphony: the overlay cannot be mounted\" >&2; exit 125; }; cd \"$1\" && c=\"$4\" && shift 4 && exec \"$@\" bash -c \"$c\"";
    private final Path scratch;
    private volatile Optional<String> probed;
    /** Why bubblewrap does not run inside the overlay's namespace though it runs outside it; empty when it does (set by the probe). */
    private volatile Optional<String> sandboxInOverlay = Optional.empty();

    /** @param scratch where the upper layers are kept while a command runs (not inside a workspace; same disk as the data folder) */
    public OverlayShell(Path scratch) {
        this.scratch = scratch.toAbsolutePath().normalize();
    }

    /** Why commands in {@code workspace} cannot run in an overlay here, or empty when they can. */
    public Optional<String> unavailable(Path workspace) {
        String ws = workspace.toAbsolutePath().normalize().toString();
        if (ws.matches(".*[,:\\\\].*")) {
            return Optional.of("the workspace's path has a comma, colon or backslash, which overlayfs options cannot carry");
        }
        if (workspace.toAbsolutePath().normalize().startsWith(scratch) || scratch.startsWith(workspace.toAbsolutePath().normalize())) {
            return Optional.of("the overlay's scratch folder " + scratch + " and the workspace overlap");
        }
        Optional<String> p = probed;
        if (p == null) {
            p = probe();
            probed = p;
        }
        return p;
    }

    /** Mounts an overlay once, in a user namespace, over a scratch folder: the cheapest honest check. */
    private Optional<String> probe() {
        dropStale();
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("overlayfs in a user namespace is Linux's");
        }
        Path dir = null;
        try {
            dir = Files.createDirectories(scratch).resolve("probe-" + ProcessHandle.current().pid());
            for (String d : List.of("lower", "upper", "work")) {
                Files.createDirectories(dir.resolve(d));
            }
            Optional<String> overlay = probeRun(dir, "probe", List.of());
            if (overlay.isPresent()) {
                return Optional.of("no overlay in a user namespace here (" + overlay.get() + ")");
            }
            if (Sandbox.unconfinedReason().isEmpty()) {
                sandboxInOverlay = probeRun(dir, "confined", Sandbox.commandPrefix(dir.resolve("lower")))
                        .map(why -> "bubblewrap does not run inside the overlay's namespace (" + why + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("unshare cannot be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking for an overlay");
        } finally {
            OverlayRun.deleteTree(dir);
        }
    }

    /** Mounts the probe's overlay and {@code touch}es {@code file} in it through {@code prefix}: empty when it landed in the upper layer only. */
    private static Optional<String> probeRun(Path dir, String file, List<String> prefix) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount", "--", "bash", "-c",
                MOUNT, "probe", dir.resolve("lower").toString(), dir.resolve("upper").toString(), dir.resolve("work").toString(),
                "touch " + file));
        argv.addAll(prefix);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return Optional.of("no answer within 20 s");
        }
        if (p.exitValue() != 0 || !Files.exists(dir.resolve("upper").resolve(file)) || Files.exists(dir.resolve("lower").resolve(file))) {
            return Optional.of("exit " + p.exitValue() + (out.isEmpty() ? "" : ": " + out));
        }
        return Optional.empty();
    }

    /**
     * Why commands in this overlay are not confined by bubblewrap (as {@code runner} would confine them elsewhere), or
     * empty when they are. Ask after {@link #unavailable}, which probes.
     */
    public Optional<String> unconfined(Path workspace, CommandRunner runner) {
        Optional<String> why = runner.unconfined();
        if (why.isPresent()) {
            return why;
        }
        unavailable(workspace);
        return sandboxInOverlay;
    }

    /** Deletes the layers of runs whose process no longer lives (a crash mid-command): disk use stays bounded. */
    private void dropStale() {
        try (java.util.stream.Stream<Path> runs = Files.isDirectory(scratch) ? Files.list(scratch) : java.util.stream.Stream.empty()) {
            for (Path r : runs.toList()) {
                String[] parts = r.getFileName().toString().split("-");
                if (parts.length >= 3 && parts[0].equals("run") && parts[1].matches("\\d{1,19}")
                        && !ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Files.setPosixFilePermissions(r.resolve("work").resolve("work"),
                                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                    } catch (IOException | UnsupportedOperationException e) {
                        // absent
                    }
                    OverlayRun.deleteTree(r);
                }
            }
        } catch (IOException e) {
            // a scratch folder that cannot be listed is left; the runs still work
        }
    }

    /**
     * Runs {@code command} with {@code runner} in an overlay of {@code workspace}; the caller applies or drops what it
     * changed and closes the run (which deletes its upper layer). Check {@link #unavailable} first.
     */
    public OverlayRun run(String command, Path workspace, CommandRunner runner, BooleanSupplier cancelled) throws IOException {
        return run(command, workspace, runner, cancelled, java.util.Map.of());
    }

    /**
     * As {@link #run(String, Path, CommandRunner, BooleanSupplier)}, the command seeing {@code seed}'s texts (relative
     * paths, {@code /}) over the workspace's files: they are written into the upper layer before it is mounted, and
     * {@link OverlayRun#changes} leaves out those the command left as seeded.
     */
    public OverlayRun run(String command, Path workspace, CommandRunner runner, BooleanSupplier cancelled,
                          java.util.Map<String, String> seed) throws IOException {
        Path ws = workspace.toAbsolutePath().normalize();
        Files.createDirectories(scratch);
        Path dir = Files.createTempDirectory(scratch, "run-" + ProcessHandle.current().pid() + "-");
        Path upper = Files.createDirectories(dir.resolve("upper"));
        Path work = Files.createDirectories(dir.resolve("work"));
        try {
            for (java.util.Map.Entry<String, String> e : seed.entrySet()) {
                Path f = upper.resolve(e.getKey()).normalize();
                if (!f.startsWith(upper) || f.equals(upper)) {
                    throw new IOException("a staged path leaves the workspace: " + e.getKey());
                }
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                Path lower = ws.resolve(e.getKey());
                if (Files.isRegularFile(lower)) { // a staged script stays executable
                    try {
                        Files.setPosixFilePermissions(f, Files.getPosixFilePermissions(lower));
                    } catch (UnsupportedOperationException notPosix) {
                        // no overlay there either
                    }
                }
            }
            List<String> argv = new java.util.ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount", "--", "bash", "-c",
                    MOUNT, "symphony-overlay", ws.toString(), upper.toString(), work.toString(), command));
            if (unconfined(ws, runner).isEmpty()) {
                argv.addAll(runner.confinement(ws)); // bwrap inside the namespace: it binds the overlay, not the workspace under it
            }
            CommandRunner.Result r = runner.run(command, argv, ws, cancelled);
            if (r.exitCode() == 125 && r.output().contains("symphony: the overlay cannot be mounted")) {
                throw new IOException("the overlay could not be mounted over " + ws + ": " + r.output().strip());
            }
            return new OverlayRun(ws, dir, upper, r, seed);
        } catch (IOException | RuntimeException e) {
            OverlayRun.deleteTree(dir);
            throw e;
        }
    }
}
