package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.paths.SymphonyPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Extensions shipped with an installed product (a read-only folder of unpacked archives, as the
 * installers lay out under {@code lib/extensions}): found without being installed, usable without an
 * approval, run by a real host from that folder without writing into it, and replaced by a user's own
 * install of the same id.
 */
class BundledExtensionsTest {
    static final String PROBE = "dev.symphony.test.probe";

    @Test
    void aBundledExtensionRunsFromItsFolderWithoutApprovalAndAUsersInstallWins(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) throws Exception {
        Path built = TestPlugins.build("probe", tmp.resolve("build"));
        Path bundled = tmp.resolve("install/lib/extensions");
        Files.createDirectories(bundled);
        Files.move(built, bundled.resolve(PROBE));
        List<String> before = listing(bundled);
        SymphonyPaths paths = SymphonyPaths.under(tmp.resolve("home"));
        KernelContext context = new KernelContext().paths(paths).workspace(tmp).bundledRoot(bundled);

        try (Kernel kernel = Kernel.start(context)) {
            Player p = kernel.player(PROBE).orElseThrow();
            assertEquals(Player.Origin.BUNDLED, p.origin());
            assertEquals(PlayerState.VALIDATED, p.state(), "bundled permissions count as approved: " + p.problem());
            var out = kernel.call(new CapabilityCall("test", PROBE, "echo", new ObjectMapper().readTree("{\"a\":1}"),
                    Duration.ofSeconds(30))).output();
            assertEquals(1, out.path("echo").path("a").asInt());
        }
        assertEquals(before, listing(bundled), "nothing was written into the bundled folder");

        ArchiveInstaller installer = new ArchiveInstaller(new ExtensionStore(paths.data("extensions")));
        Path archive = TestPlugins.zip(TestPlugins.build("probe", tmp.resolve("build2")), tmp.resolve("probe.zip"));
        installer.commit(installer.prepare(archive, null));
        try (Kernel kernel = Kernel.start(new KernelContext().paths(paths).workspace(tmp).bundledRoot(bundled))) {
            assertEquals(Player.Origin.INSTALLED, kernel.player(PROBE).orElseThrow().origin());
        }
    }

    static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(f -> dir.relativize(f) + " " + f.toFile().length() + " " + f.toFile().lastModified()).sorted().toList();
        }
    }
}
