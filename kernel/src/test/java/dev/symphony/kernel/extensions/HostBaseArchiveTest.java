package dev.symphony.kernel.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.kernel.bus.HostClasspath;
import dev.symphony.kernel.process.JvmFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosts' shared class-data archive, made by real JVMs from the real host classpath. */
class HostBaseArchiveTest {

    @Test
    void madeFromTheTrainingHostItIsMappedByAHostJvmAndAnExtensionsArchiveGoesOnTop(@TempDir Path folder) throws Exception {
        String classpath = HostClasspath.resolve();
        List<String> flags = new ArrayList<>(JvmFlags.forCurrentRuntime().flags());
        flags.add("-XX:+UseSerialGC");
        String key = ClassDataSharing.key(classpath);
        Path file = HostBaseArchive.file(folder, key);
        assertEquals(Optional.empty(), HostBaseArchive.make(folder, file, classpath, flags, JvmFlags.forCurrentRuntime().environment(), List.of()));
        assertEquals(Optional.of(file), HostBaseArchive.find(file));
        try (var left = Files.list(folder)) {
            assertEquals(List.of(file.getFileName().toString(), file.getFileName() + ".lock"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no class list or unchecked archive left");
        }

        // a host JVM with the flags an extension's first host gets: the bus's and Chronicle's classes come from the base
        Path cds = folder.resolve("ext");
        List<String> cdsFlags = ClassDataSharing.flags(cds, key, Optional.of(file));
        assertTrue(ClassDataSharing.writes(cdsFlags), cdsFlags.toString());
        String loaded = java(flags, cdsFlags, classpath);
        assertTrue(loaded.lines().anyMatch(l -> l.contains("net.openhft.chronicle.queue") && l.contains("shared objects file")),
                "Chronicle's classes are mapped from the base archive");
        assertTrue(loaded.lines().anyMatch(l -> l.contains("dev.symphony.sdk.internal.HostRuntime ") && l.contains("shared objects file")));
        List<String> next = ClassDataSharing.flags(cds, key, Optional.of(file));
        assertTrue(next.stream().anyMatch(f -> f.startsWith("-XX:SharedArchiveFile=" + file + java.io.File.pathSeparator)),
                "the next host maps the base and the extension's own archive on top: " + next);
        assertTrue(java(flags, next, classpath).contains("shared objects file (top)"));

        // a file that is not an archive is not handed to a JVM (which would not start when asked to write on top of it)
        Files.delete(file);
        Files.writeString(file, "not an archive");
        assertEquals(Optional.empty(), HostBaseArchive.find(file));
        assertFalse(Files.exists(file));
    }

    /**
     * The tests' hosts share one archive beside the SDK's jar in the build tree; a product's folder of jars never gets
     * one (an installer's build runs its image once, and packed the 28 MB archive it found there).
     */
    @Test
    void theArchiveSitsInTheBuildTreeOrTheUsersCacheNeverBesideAProductsJars(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        assertTrue(HostBaseArchive.folder(HostClasspath.resolve(), cache).endsWith(Path.of("extensions-sdk", "target", "host-cds-base")));
        Path lib = Files.createDirectories(dir.resolve("product").resolve("lib"));
        String productClasspath = lib.resolve("extensions-sdk.jar") + java.io.File.pathSeparator + lib.resolve("kernel.jar");
        assertEquals(cache, HostBaseArchive.folder(productClasspath, cache));
    }

    /** Runs the training host (it exits by itself) with class loading logged; its output. */
    private static String java(List<String> flags, List<String> cdsFlags, String classpath) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(flags);
        cmd.addAll(cdsFlags);
        cmd.addAll(List.of("-Xlog:class+load=info", "-cp", classpath, HostBaseArchive.TRAINING_CLASS));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().putAll(Map.copyOf(JvmFlags.forCurrentRuntime().environment()));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.contains("class,load")).toList().toString());
        return out;
    }
}
