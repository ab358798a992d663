package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
        pruneOldArchives(cacheDir, "host-[0-9a-f]+(-on-base)?\\.jsa");
    }

    /** Keeps the newest {@link #KEEP} files of {@code cacheDir} whose names match {@code pattern}. */
    static void pruneOldArchives(Path cacheDir, String pattern) {
        try (Stream<Path> files = Files.list(cacheDir)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches(pattern))
                    .sorted(Comparator.comparing(ClassDataSharing::modified).reversed()).toList();
            for (Path old : archives.subList(Math.min(KEEP, archives.size()), archives.size())) {
                Files.deleteIfExists(old); // a host mapping it keeps its mapping; later hosts make a new one
                Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".lock")); // a shared archive's (HostBaseArchive)
                Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".failed"));
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

    /** A digest of this Java runtime and of each classpath entry's path, time and size: a rebuilt jar or an updated JDK changes it. */
    static String key(String classpath) {
        StringBuilder id = new StringBuilder(System.getProperty("java.home")).append('|').append(Runtime.version());
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            java.io.File f = new java.io.File(entry); // a rebuilt jar makes the old archive unusable
            id.append('|').append(entry).append('@').append(f.lastModified()).append(':').append(f.length());
        }
        return Integer.toHexString(id.toString().hashCode());
    }

    /**
     * The class-data flags of a host of the extension whose archive folder is {@code cacheDir}, for the runtime and
     * classpath of {@code key} ({@link #key}, computed once per host start: it reads every jar's attributes): its
     * archive when written (on top of {@code base}, the hosts' shared archive, when there is one: {@link HostBaseArchive}), else the flags
     * that write it at the host's exit (one host at a time), else none.
     */
    static List<String> flags(Path cacheDir, String key, Optional<Path> base) {
        // an archive on top of a base is usable only with a base (whose own name holds the same key)
        Path archive = cacheDir.resolve("host-" + key + (base.isPresent() ? "-on-base" : "") + ".jsa");
        boolean written = Files.isRegularFile(archive);
        String mapped = base.map(b -> b + (written ? java.io.File.pathSeparator + archive : ""))
                .orElse(written ? archive.toString() : null);
        List<String> flags = new java.util.ArrayList<>();
        if (mapped != null) {
            flags.addAll(List.of("-XX:SharedArchiveFile=" + mapped, "-Xshare:auto"));
        }
        if (!written) {
            try {
                Files.createDirectories(cacheDir);
                if (WRITING.add(cacheDir.toAbsolutePath().normalize())) {
                    pruneOldArchives(cacheDir);
                    flags.add("-XX:ArchiveClassesAtExit=" + archive);
                }
            } catch (java.io.IOException e) {
                // no archive of its own this time
            }
        }
        if (!flags.isEmpty()) {
            flags.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        return flags;
    }
}
