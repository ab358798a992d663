package dev.symphony.kernel.bus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the extension host program ({@code dev.symphony.sdk.host.ExtensionHostMain}, in the SDK,
 * which the kernel does not depend on) is found: the system property {@code symphony.host.classpath};
 * else this JVM's own classpath when it contains the host (the installed product puts every jar in
 * one folder); else, in a source checkout, {@code extensions-sdk/target} of the repository.
 */
public final class HostClasspath {
    public static final String PROPERTY = "symphony.host.classpath";
    public static final String MAIN_CLASS = "dev.symphony.sdk.host.ExtensionHostMain";

    private HostClasspath() {
    }

    public static String resolve() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        if (ClassLoader.getSystemResource(MAIN_CLASS.replace('.', '/') + ".class") != null) {
            return System.getProperty("java.class.path");
        }
        Path repo = RepositoryRoot.find().orElseThrow(() -> new IllegalStateException(
                "cannot find the extension host: set -D" + PROPERTY + " or run from a Symphony checkout"));
        Path target = repo.resolve("extensions-sdk").resolve("target");
        List<String> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target)) {
            jars.filter(p -> p.getFileName().toString().matches("extensions-sdk-.*\\.jar")
                    && !p.getFileName().toString().contains("sources")).forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("extensions-sdk is not built (" + target + "): run mvn package", e);
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("extensions-sdk is not built (no jar in " + target + "): run mvn package");
        }
        try (Stream<Path> libs = Files.list(target.resolve("host-lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("extensions-sdk/target/host-lib is missing: run mvn package", e);
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The repository root of a source checkout, if this is one. */
    public static final class RepositoryRoot {
        private RepositoryRoot() {
        }

        /** {@code symphony.repo} (set by the launcher), else the nearest folder upwards holding {@code sample-extensions/}. */
        public static Optional<Path> find() {
            String repo = System.getProperty("symphony.repo");
            if (repo != null && !repo.isBlank() && Files.isDirectory(Path.of(repo, "extensions-sdk"))) {
                return Optional.of(Path.of(repo).toAbsolutePath().normalize());
            }
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("sample-extensions")) && Files.isDirectory(p.resolve("extensions-sdk"))) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }
}
