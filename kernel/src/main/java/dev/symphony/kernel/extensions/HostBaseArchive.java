package dev.symphony.kernel.extensions;

import dev.symphony.kernel.bus.HostClasspath;
import dev.symphony.kernel.process.JvmFlags;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The host runtime's shared class-data archive: the classes every host loads on its way to ready (the JDK's, the
 * bus's, Chronicle's, Jackson's, PF4J's and the SDK's), mapped by every host instead of loaded and verified from the
 * jars, so even an extension's first start in a new Symphony home is quick. An extension's own archive
 * ({@link ClassDataSharing}) is written on top of it and adds what that extension loads besides.
 *
 * <p>No extension's code has a part in it: the kernel makes it, in the background and at low priority, from
 * {@code dev.symphony.sdk.internal.HostTraining} — a host of the SDK's own, run with
 * {@code -XX:DumpLoadedClassList} — then {@code -Xshare:dump} over Symphony's jars, checks that a JVM maps it, and
 * only then gives it its name. It is made once per Java runtime and host classpath (the name holds a digest of the
 * runtime and of each jar's path, size and time) in a folder hosts only read: {@code -Dsymphony.host.cds} when set
 * and writable (the launcher's, beside the product's folder of jars), else beside the SDK's jar of a source checkout's
 * build tree (the tests' hosts), else the user's cache. Until it exists hosts start as before.
 */
final class HostBaseArchive {
    static final String PROPERTY = "symphony.host.cds";
    static final String TRAINING_CLASS = "dev.symphony.sdk.internal.HostTraining";
    private static final Set<Path> MAKING = ConcurrentHashMap.newKeySet();

    private HostBaseArchive() {
    }

    /** Where the base archives of this host classpath live (see the class comment); {@code userCache} is the last choice. */
    static Path folder(String classpath, Path userCache) {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit).toAbsolutePath().normalize();
            return writable(p) ? p : userCache;
        }
        // a source checkout's build tree (the tests' hosts): one archive for all their homes, beside the SDK's jar —
        // never beside a product's jars, which an installer build would then pack (its image starts hosts once)
        Path first = Path.of(classpath.split(java.io.File.pathSeparator)[0]).toAbsolutePath().normalize();
        Optional<Path> buildTree = HostClasspath.RepositoryRoot.find().map(repo -> repo.resolve("extensions-sdk").resolve("target"))
                .filter(first::startsWith);
        return buildTree.map(t -> t.resolve("host-cds-base")).filter(HostBaseArchive::writable).orElse(userCache);
    }

    /** The folder can be written, or made where its parent can be written (an installed product's folder often cannot). */
    private static boolean writable(Path folder) {
        return Files.isDirectory(folder) ? Files.isWritable(folder) : folder.getParent() != null && Files.isWritable(folder.getParent());
    }

    /** The archive's file in {@code folder} for the runtime and classpath of {@code key} ({@link ClassDataSharing#key}). */
    static Path file(Path folder, String key) {
        return folder.resolve("host-base-" + key + ".jsa");
    }

    /** A static class-data archive's first bytes (HotSpot's magic number, little-endian). */
    private static final byte[] MAGIC = {(byte) 0xa2, (byte) 0xab, 0x0b, (byte) 0xf0};

    /**
     * The base archive {@code file} when it has been made. One that does not start as an archive
     * does is deleted instead: a JVM asked to write an extension's archive on top of a base it cannot map does not start.
     */
    static Optional<Path> find(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] head = new byte[MAGIC.length];
        try (var in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) == head.length && java.util.Arrays.equals(head, MAGIC)) {
                return Optional.of(file);
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // unreadable: not used
        }
        return Optional.empty();
    }

    /**
     * Makes the archive {@code file} for the host {@code classpath} in a process of its own at low priority
     * ({@code niceness}: the command prefix that lowers it),
     * once per JVM and file, which finishes even when this JVM ends first (a short command); skipped when made, when
     * making it failed before for this runtime and these jars (its {@link #failedMark}: not tried at every start), or
     * while another process makes it (a lock file beside it). Nothing waits for it: hosts start as before until it exists.
     */
    static void makeInBackground(Path file, String classpath, List<String> niceness, Consumer<String> log) {
        Path folder = file.getParent();
        if (Files.exists(file) || Files.exists(failedMark(file)) || !MAKING.add(file)) {
            return;
        }
        List<String> cmd = new ArrayList<>(niceness);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JvmFlags.forCurrentRuntime().flags());
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HostBaseArchive.class.getName(), folder.toString(), classpath));
        try {
            Files.createDirectories(folder);
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD); // a failure is written to its failedMark
            builder.environment().putAll(JvmFlags.forCurrentRuntime().environment());
            builder.start();
        } catch (IOException | RuntimeException e) {
            log.accept("the hosts' shared class-data archive was not made: " + e.getMessage());
        }
    }

    /** {@code HostBaseArchive FOLDER HOST-CLASSPATH}: makes the archive (what {@link #makeInBackground} starts). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        List<String> flags = new ArrayList<>(JvmFlags.forCurrentRuntime().flags());
        flags.add("-XX:+UseSerialGC"); // the hosts' collector
        Optional<String> failed = make(folder, file(folder, ClassDataSharing.key(args[1])), args[1], flags,
                JvmFlags.forCurrentRuntime().environment(), List.of());
        failed.ifPresent(System.err::println);
        System.exit(failed.isPresent() ? 1 : 0);
    }

    /** Makes it now; an empty result when made (or made by another process meanwhile), else why not. */
    static Optional<String> make(Path folder, Path file, String classpath, List<String> jvmFlags, Map<String, String> environment,
                                 List<String> niceness) throws IOException {
        Files.createDirectories(folder);
        try (FileChannel lockFile = FileChannel.open(folder.resolve(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null || Files.exists(file)) {
                return Optional.empty();
            }
            deleteLeftovers(folder);
            Path classList = Files.createTempFile(folder, "host-base-", ".classlist");
            Path archive = folder.resolve(file.getFileName() + ".new");
            Path check = folder.resolve(file.getFileName() + ".check");
            try {
                Optional<String> failed = run(niceness, jvmFlags, environment, List.of("-XX:DumpLoadedClassList=" + classList,
                        "-cp", classpath, TRAINING_CLASS), "the training host")
                        .or(() -> run(niceness, jvmFlags, environment, List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                                "-XX:SharedArchiveFile=" + archive, "-cp", classpath), "the archive's dump"))
                        // the way hosts use it: mapped, with an extension's own archive written on top
                        .or(() -> run(List.of(), jvmFlags, environment, List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                                "-XX:ArchiveClassesAtExit=" + check, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp",
                                classpath, "-version"), "a JVM mapping it"));
                if (failed.isPresent()) {
                    Files.writeString(failedMark(file), failed.get() + "\n");
                    return failed;
                }
                Files.move(archive, file, StandardCopyOption.ATOMIC_MOVE);
                prune(folder);
                return Optional.empty();
            } finally {
                Files.deleteIfExists(classList);
                Files.deleteIfExists(archive);
                Files.deleteIfExists(check);
            }
        }
    }

    /** Class lists a maker that was killed left behind (older than ten minutes: no maker runs that long). */
    private static void deleteLeftovers(Path folder) throws IOException {
        long old = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(10);
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".classlist")).toList()) {
                if (Files.getLastModifiedTime(f).toMillis() < old) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Written when making the archive failed; a rebuilt jar or another runtime is another file, tried again. */
    static Path failedMark(Path file) {
        return file.resolveSibling(file.getFileName() + ".failed");
    }

    private static Optional<String> run(List<String> prefix, List<String> jvmFlags, Map<String, String> environment,
                                        List<String> args, String what) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            HostEnvironment.apply(builder.environment(), System.getenv()); // as a host's: no API keys or tokens
            builder.environment().putAll(environment);
            Process p = builder.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("the hosts' shared class-data archive was not made: " + what + " took over 120 s");
            }
            return p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("the hosts' shared class-data archive was not made: " + what + " exited with " + p.exitValue());
        } catch (IOException e) {
            return Optional.of("the hosts' shared class-data archive was not made: " + what + " did not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the hosts' shared class-data archive was not made: interrupted");
        }
    }

    /** Keeps the newest few base archives (other runtimes or checkouts may use them), as for an extension's own. */
    private static void prune(Path folder) {
        ClassDataSharing.pruneOldArchives(folder, "host-base-[0-9a-f]+\\.jsa");
    }
}
