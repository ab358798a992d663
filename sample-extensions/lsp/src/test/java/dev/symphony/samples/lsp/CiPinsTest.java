package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code .ci/run} installs the servers the tests use at exactly the extension's pins, in the folders it looks in. */
class CiPinsTest {
    @Test
    void ciInstallsTheExtensionsPinsWhereItLooks() throws Exception {
        String ci = Files.readString(Path.of("..", "..", ".ci", "run"));
        for (String name : new String[] {"pyright", "typescript", "bash", "yaml", "json"}) {
            ServerSpec spec = ServerSpecs.defaults().named(name).orElseThrow();
            String line = "lsp_install " + spec.installFolder() + " " + String.join(" ", spec.npmPackages());
            assertTrue(ci.contains(line + "\n"), ".ci/run should say: " + line);
        }
    }
}
