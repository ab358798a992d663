package dev.symphony.kernel.marketplace;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.Version;
import dev.symphony.kernel.paths.SymphonyPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every archive installed here, kept as {@code <data>/extension-archives/ID/VERSION.zip}, so a rollback installs the
 * newest older version again (through the same checks and review as any install): the command line's
 * {@code ext rollback} and the Extensions view's Roll Back.
 */
public final class KeptArchives {
    private final Path root;

    public KeptArchives(SymphonyPaths paths) {
        this.root = paths.data("extension-archives");
    }

    /** Keeps a copy of the archive {@code m} was installed from. */
    public void keep(ExtensionManifest m, Path archive) throws IOException {
        Path dir = Files.createDirectories(root.resolve(m.id()));
        Files.copy(archive, dir.resolve(m.version() + ".zip"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The newest kept archive of {@code id} older than {@code version}. */
    public Optional<Path> previous(String id, String version) throws IOException {
        Path dir = root.resolve(id);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".zip")).filter(p -> older(p, version))
                    .max(Comparator.comparing(p -> Version.parse(versionOf(p))));
        }
    }

    private static String versionOf(Path archive) {
        String name = archive.getFileName().toString();
        return name.substring(0, name.length() - ".zip".length());
    }

    private static boolean older(Path archive, String than) {
        try {
            return Version.parse(versionOf(archive)).compareTo(Version.parse(than)) < 0;
        } catch (RuntimeException notAVersion) {
            return false;
        }
    }
}
