package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Class-data sharing for host JVMs: the first host of an extension to start (with a given Java runtime and
 * host classpath) writes an archive of the classes it loaded when it exits normally; its later hosts map
 * that archive instead of loading and verifying Chronicle, Jackson, PF4J and the SDK again, which
 * is most of a host's start time. The archives live in the user's cache folder, in a folder **per
 * extension** ({@link #folder}): a host writes (and its sandbox binds) only its own extension's archive,
 * so one extension cannot plant class data that another extension's hosts map.
 */
final class ClassDataSharing {
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private ClassDataSharing() {
    }

    /** The archive folder of one extension under the CDS cache {@code root}. */
    static Path folder(Path root, String extensionId) {
        if (!extensionId.matches("[A-Za-z0-9._-]+") || extensionId.startsWith(".")) {
            throw new IllegalArgumentException("not a usable extension id for a cache folder: " + extensionId);
        }
        return root.resolve(extensionId);
    }

    /** True when the flags ask the JVM to write the archive at exit (give it time to). */
    static boolean writes(List<String> flags) {
        return flags.stream().anyMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit="));
    }

    /** Archives kept besides the one about to be written: other installed runtimes or checkouts may use them. */
    static final int KEEP = 3;

    /** Every rebuild or JDK update makes a new archive (~18 MB); only the newest few are kept. */
    static void pruneOldArchives(Path cacheDir) {
        try (Stream<Path> files = Files.list(cacheDir)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("host-[0-9a-f]+\\.jsa"))
                    .sorted(Comparator.comparing(ClassDataSharing::modified).reversed()).toList();
            for (Path old : archives.subList(Math.min(KEEP, archives.size()), archives.size())) {
                Files.deleteIfExists(old); // a host mapping it keeps its mapping; later hosts make a new one
            }
        } catch (IOException e) {
            // an unreadable cache only costs disk space
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
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
        if (WRITING.add(cacheDir.toAbsolutePath().normalize())) {
            pruneOldArchives(cacheDir);
            return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        return List.of();
    }
}
