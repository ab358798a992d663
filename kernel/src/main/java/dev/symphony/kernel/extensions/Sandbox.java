package dev.symphony.kernel.extensions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The OS-level sandbox around a host JVM. On Linux with bubblewrap ({@code bwrap}) installed and
 * working (user namespaces allowed), hosts run in new namespaces with no network, a private
 * {@code /tmp}, and a filesystem view of only: the JDK and system libraries (read-only), the host
 * classpath and the extension's own folder (read-only), its bus channel and its data folder
 * (read-write), and for an Instrument (or whenever {@code DJL_CACHE_DIR} is set) the DJL cache folder
 * <em>read-only</em>: the natives there are loaded by the IDE itself (the conductor's policy) and by every other
 * Instrument, so no host may write them; a host that finds no natives there unpacks its own into its data folder
 * (tiny-lm's {@code DjlRuntime}). Every sandboxed process also runs under {@link Seccomp}'s filter. Elsewhere (macOS, Windows, no bwrap) the host is a plain child process: only the
 * brokered APIs are enforced, and extension code could still use {@code java.io} directly.
 * Mode from {@code -Dsymphony.sandbox=auto|off|require} (default auto).
 */
public final class Sandbox {
    public enum Mode {
        AUTO, OFF, REQUIRE;

        public static Mode fromProperty() {
            return valueOf(System.getProperty("symphony.sandbox", "auto").toUpperCase(Locale.ROOT));
        }
    }

    /** Set (to anything but empty or 0) to take the "no OS sandbox here" path on a machine that has one (tests, trying it out). */
    public static final String FORCE_UNAVAILABLE_ENV = "SYMPHONY_SANDBOX_UNAVAILABLE";
    public static final String FORCE_UNAVAILABLE_PROPERTY = "symphony.sandbox.unavailable";
    private static volatile Boolean available;
    /** What a sandbox shows of the system, read-only: programs and libraries, not {@code /etc} (only what linking needs). */
    private static final List<String> SYSTEM_FOLDERS = List.of("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin",
            "/etc/alternatives", "/etc/ld.so.cache");

    /** The size of a sandbox's private {@code /tmp} (RAM): past it a write fails with "No space left on device". */
    static final long TMP_BYTES = 256L << 20;
    /** The size of a sandbox's private {@code /dev/shm} (RAM). The host's bus folder, bound inside it, is not part of it. */
    static final long SHM_BYTES = 64L << 20;
    /** Last: {@code /dev} itself read-only (its device nodes, {@code /dev/shm} and the bus folder are mounts of their own). */
    private static final List<String> READ_ONLY_DEV = List.of("--remount-ro", "/dev");

    private Sandbox() {
    }

    /**
     * A fresh {@code /dev} with a {@code /dev/shm} and a {@code /tmp} of their own, each a tmpfs of a fixed size: without
     * a size, bubblewrap's tmpfs may take half the machine's RAM (bubblewrap 0.8 has {@code --size}).
     */
    private static List<String> ramFolders() {
        return List.of("--dev", "/dev", "--size", Long.toString(SHM_BYTES), "--tmpfs", "/dev/shm",
                "--size", Long.toString(TMP_BYTES), "--tmpfs", "/tmp");
    }

    /** True when {@code bwrap} exists and can actually create namespaces here, and nobody forced it off. */
    public static boolean available() {
        if (forcedUnavailable()) {
            return false;
        }
        Boolean a = available;
        if (a == null) {
            a = probe();
            available = a;
        }
        return a;
    }

    private static boolean forcedUnavailable() {
        String env = System.getenv(FORCE_UNAVAILABLE_ENV);
        return Boolean.getBoolean(FORCE_UNAVAILABLE_PROPERTY) || env != null && !env.isEmpty() && !env.equals("0");
    }

    /** Why {@link #available()} is false, for messages. */
    static String unavailableReason() {
        if (forcedUnavailable()) {
            return "no OS sandbox is available here (forced by " + FORCE_UNAVAILABLE_ENV + " / -D" + FORCE_UNAVAILABLE_PROPERTY + ")";
        }
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            return "no OS sandbox is available on " + os + " (Symphony sandboxes hosts with bubblewrap on Linux only)";
        }
        return "no OS sandbox is available here (bubblewrap is not installed, or cannot create user namespaces)";
    }

    private static boolean probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("bwrap", "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Folders outside {@code dir} that symbolic links inside it point into. */
    private static Set<Path> linkTargetsOutside(Path dir) {
        Set<Path> out = new LinkedHashSet<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isSymbolicLink).toList()) {
                try {
                    Path real = p.toRealPath();
                    if (!real.startsWith(dir)) {
                        out.add(Files.isDirectory(real) ? real : real.getParent());
                    }
                } catch (java.io.IOException dangling) {
                    // a broken link: nothing to bind
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    /**
     * The DJL cache folders a host gets (bound <em>read-only</em> into its sandbox, passed as {@code DJL_CACHE_DIR}): for an
     * Instrument, or whenever {@code DJL_CACHE_DIR} is set, that folder (default {@code ~/.djl.ai}) and
     * {@code ENGINE_CACHE_DIR} when set; none otherwise. Missing folders are created (bwrap binds only
     * existing ones).
     */
    static List<Path> djlCaches(boolean instrument, java.util.Map<String, String> env) {
        String configured = env.get("DJL_CACHE_DIR");
        if (!instrument && (configured == null || configured.isBlank())) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            out.add(Path.of(configured).toAbsolutePath());
        } else {
            String home = System.getProperty("user.home", "");
            if (!home.isEmpty() && Path.of(home).isAbsolute()) {
                out.add(Path.of(home, ".djl.ai"));
            }
        }
        String engine = env.get("ENGINE_CACHE_DIR");
        if (engine != null && !engine.isBlank()) {
            out.add(Path.of(engine).toAbsolutePath());
        }
        List<Path> usable = new ArrayList<>();
        for (Path p : out) {
            try {
                Files.createDirectories(p);
                usable.add(p);
            } catch (java.io.IOException e) {
                // not creatable here (read-only home): the host falls back to its data folder
            }
        }
        return usable;
    }

    /**
     * What every sandbox starts with: bubblewrap under the {@link Seccomp} filter (which binds the program too), no
     * network and namespaces of its own, dying with its parent, fresh {@code /proc}, {@code /dev}, {@code /tmp}, and the
     * system folders read-only.
     */
    private static List<String> base() {
        List<String> cmd = new ArrayList<>(Seccomp.bwrapPrefix());
        cmd.addAll(List.of("--die-with-parent", "--unshare-all", "--new-session", "--proc", "/proc"));
        cmd.addAll(ramFolders());
        for (String sys : SYSTEM_FOLDERS) {
            cmd.addAll(List.of("--ro-bind-try", sys, sys));
        }
        return cmd;
    }

    /**
     * Why commands cannot be confined here ({@link #commandPrefix}): the sandbox is turned off
     * ({@code -Dsymphony.sandbox=off}) or not available ({@link #available()}); empty when they can.
     */
    public static java.util.Optional<String> unconfinedReason() {
        if (Mode.fromProperty() == Mode.OFF) {
            return java.util.Optional.of("the sandbox is turned off (symphony.sandbox=off)");
        }
        return available() ? java.util.Optional.empty() : java.util.Optional.of(unavailableReason());
    }

    /**
     * The command prefix that confines a command run for the user by an agent as a host's programs are confined: the
     * system folders read-only, {@code writable} (the workspace, or the copy-on-write overlay mounted over it) read-write
     * and the working folder, nothing else of the file system (the home folder, {@code /etc}, other projects hidden), no
     * network, a private {@code /tmp}, its own PID namespace, the seccomp filter; it dies with its parent. Check
     * {@link #unconfinedReason()} first: without a sandbox this prefix cannot run.
     */
    public static List<String> commandPrefix(Path writable) {
        String dir = writable.toAbsolutePath().normalize().toString();
        List<String> cmd = base();
        cmd.addAll(List.of("--bind", dir, dir, "--chdir", dir));
        cmd.addAll(READ_ONLY_DEV);
        return cmd;
    }

    /**
     * The command prefix that runs a program a sandboxed host asked for ({@code processes} permission) in a sandbox
     * of its own, seeing no more than its host: the system folders and the extension's folder read-only, the
     * extension's data folder, and its working folder (read-write only when the manifest lets it write there), no
     * network, a private {@code /tmp}, its own PID namespace; it dies with the kernel.
     */
    static List<String> programPrefix(Path extensionDir, Path dataDir, Path workingDir, boolean workingDirWritable) {
        List<String> cmd = base();
        cmd.addAll(List.of("--ro-bind", extensionDir.toAbsolutePath().toString(), extensionDir.toAbsolutePath().toString()));
        cmd.addAll(List.of("--bind", dataDir.toAbsolutePath().toString(), dataDir.toAbsolutePath().toString()));
        if (!workingDir.startsWith(dataDir)) {
            cmd.addAll(List.of(workingDirWritable ? "--bind" : "--ro-bind", workingDir.toString(), workingDir.toString()));
        }
        cmd.addAll(List.of("--chdir", workingDir.toString()));
        cmd.addAll(READ_ONLY_DEV);
        return cmd;
    }

    /**
     * How the open folder is bound into a host's sandbox: read-write when the manifest grants {@code ${workspace}/**} to
     * write, read-only when it grants it to read, not at all otherwise. Only a grant of the whole folder binds it (a
     * narrower glob stays brokered-only: a bind cannot show part of a tree), so a library that needs real files (JGit)
     * works only for an extension whose user approved that grant. An empty list when the workspace is inside a
     * folder the sandbox shows anyway, or does not exist.
     */
    static List<String> workspaceBind(dev.symphony.contract.manifest.ExtensionManifest.Permissions permissions, Path workspace) {
        if (workspace == null || !Files.isDirectory(workspace)) {
            return List.of();
        }
        String ws = workspace.toAbsolutePath().normalize().toString();
        boolean write = permissions.write().stream().anyMatch(Sandbox::wholeWorkspace);
        boolean read = write || permissions.read().stream().anyMatch(Sandbox::wholeWorkspace);
        return read ? List.of(write ? "--bind" : "--ro-bind", ws, ws) : List.of();
    }

    private static boolean wholeWorkspace(String glob) {
        return glob.equals("${workspace}/**") || glob.equals("${workspace}");
    }

    /** The command prefix that runs the host inside the sandbox, or an empty list for no OS sandbox. */
    static List<String> prefix(boolean sandboxed, String classpath, Path extensionDir, Path channelDir, Path dataDir, Path cdsDir,
                               List<Path> readWrite) {
        return prefix(sandboxed, classpath, extensionDir, channelDir, dataDir, cdsDir, readWrite, List.of());
    }

    /** As above, with {@code extraReadOnly} folders (the tools folder and workspace of {@code permissions.tools}) bound read-only. */
    static List<String> prefix(boolean sandboxed, String classpath, Path extensionDir, Path channelDir, Path dataDir, Path cdsDir,
                               List<Path> readWrite, List<Path> extraReadOnly) {
        return prefix(sandboxed, classpath, extensionDir, channelDir, dataDir, cdsDir, readWrite, extraReadOnly, List.of());
    }

    /**
     * As above, with {@code workspaceBind} (from {@link #workspaceBind}) mounted before the host's own folders, which may
     * lie inside it; the workspace is then not bound again read-only (a later bind would hide the writable one).
     */
    static List<String> prefix(boolean sandboxed, String classpath, Path extensionDir, Path channelDir, Path dataDir, Path cdsDir,
                               List<Path> readWrite, List<Path> extraReadOnly, List<String> workspaceBind) {
        if (!sandboxed) {
            return List.of(); // SandboxPolicy allowed this host to run without one, and said so
        }
        List<String> cmd = base();
        cmd.addAll(workspaceBind);
        Set<Path> readOnly = new LinkedHashSet<>();
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath();
        readOnly.add(javaHome);
        readOnly.addAll(linkTargetsOutside(javaHome)); // e.g. Debian's conf/security -> /etc/java-17-openjdk
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry).toAbsolutePath();
            readOnly.add(Files.isDirectory(p) ? p : p.getParent());
        }
        readOnly.add(extensionDir.toAbsolutePath());
        extraReadOnly.stream().map(p -> p.toAbsolutePath().normalize())
                .filter(p -> workspaceBind.isEmpty() || !p.toString().equals(workspaceBind.get(1))).forEach(readOnly::add);
        for (Path p : readOnly) {
            cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        cmd.addAll(List.of("--bind", channelDir.toString(), channelDir.toString()));
        cmd.addAll(List.of("--bind-try", cdsDir.toString(), cdsDir.toString()));
        cmd.addAll(List.of("--bind", dataDir.toString(), dataDir.toString()));
        for (Path p : readWrite) {
            cmd.addAll(List.of("--bind", p.toString(), p.toString()));
        }
        cmd.addAll(READ_ONLY_DEV);
        return cmd;
    }
}
