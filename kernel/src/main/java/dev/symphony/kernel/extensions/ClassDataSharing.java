package dev.symphony.kernel.extensions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Class-data sharing for host JVMs: the first host to start (with a given Java runtime and host
 * classpath) writes an archive of the classes it loaded when it exits normally; later hosts map
 * that archive instead of loading and verifying Chronicle, Jackson, PF4J and the SDK again, which
 * is most of a host's start time. The archive lives in the user's cache folder.
 */
final class ClassDataSharing {
    private static final AtomicBoolean WRITING = new AtomicBoolean();

    private ClassDataSharing() {
    }

    /** True when the flags ask the JVM to write the archive at exit (give it time to). */
    static boolean writes(List<String> flags) {
        return flags.stream().anyMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit="));
    }

    static List<String> flags(Path cacheDir, String classpath) {
        StringBuilder id = new StringBuilder(System.getProperty("java.home")).append('|').append(Runtime.version());
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            java.io.File f = new java.io.File(entry); // a rebuilt jar makes the old archive unusable
            id.append('|').append(entry).append('@').append(f.lastModified()).append(':').append(f.length());
        }
        String key = Integer.toHexString(id.toString().hashCode());
        Path archive = cacheDir.resolve("host-" + key + ".jsa");
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        try {
            Files.createDirectories(cacheDir);
        } catch (java.io.IOException e) {
            return List.of();
        }
        if (WRITING.compareAndSet(false, true)) {
            return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        return List.of();
    }
}
