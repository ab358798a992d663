package dev.symphony.kernel.extensions;

import dev.symphony.kernel.bus.HostClasspath;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds real PF4J plugin archives from the sources under {@code src/test/resources/test-plugins/NAME}
 * at test time: compiles them against the SDK (the kernel itself may not depend on it) with the
 * JDK's compiler, and zips manifest + {@code classes/} as {@code mvn package} does for real extensions.
 */
public final class TestPlugins {
    private TestPlugins() {
    }

    public static Path source(String name) {
        try {
            return Path.of(TestPlugins.class.getResource("/test-plugins/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An exploded plugin folder in {@code work}. */
    public static Path build(String name, Path work) throws IOException {
        Path src = source(name);
        Path out = work.resolve(name);
        Path classes = out.resolve("classes");
        Files.createDirectories(classes);
        Files.copy(src.resolve("symphony-extension.json"), out.resolve("symphony-extension.json"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", HostClasspath.resolve(),
                "-proc:none", "--release", "17", "-encoding", "UTF-8")); // the sources are UTF-8 whatever the locale (CI's unprivileged user has an ASCII one)
        try (Stream<Path> files = Files.walk(src.resolve("src"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, OutputStream.nullOutputStream(), System.err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test plugin " + name + " did not compile");
        }
        return out;
    }

    /** The plugin zipped into an installable archive. */
    public static Path zip(Path pluginDir, Path archive) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive));
             Stream<Path> files = Files.walk(pluginDir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(pluginDir.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
        return archive;
    }

    /**
     * Installs an archive as {@code ext install --yes} does. Where no OS sandbox is usable, an installed test
     * extension is refused unless trusted (SandboxPolicy): tests of other behaviour trust it there, and say so.
     */
    public static void install(ExtensionStore store, Path archive) throws Exception {
        ArchiveInstaller installer = new ArchiveInstaller(store);
        ArchiveInstaller.Prepared prepared = installer.prepare(archive, null);
        installer.commit(prepared);
        if (!Sandbox.available()) {
            System.err.println("no OS sandbox here: trusting the test extension " + prepared.manifest().id() + " so that it runs");
            store.trust(prepared.manifest().id(), prepared.manifest().version());
        }
    }
}
