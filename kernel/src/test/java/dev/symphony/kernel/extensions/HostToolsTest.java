package dev.symphony.kernel.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code permissions.tools} binds into a host's sandbox: the tools folder (made when missing), the workspace only with a read grant. */
class HostToolsTest {
    /** A small operator manifest {@code dev.example.tools} with these permissions (other tests of this package use it too). */
    static ExtensionManifest manifest(String permissions) throws Exception {
        String json = """
                {"id": "dev.example.tools", "version": "1.0.0", "publisher": "Example", "kind": "operator",
                 "entryClass": "dev.example.T", "engine": "[0.1.0,1.0.0)",
                 "capabilities": [{"name": "c", "input": {"type": "object"}, "output": {"type": "object"}}],
                 "permissions": %s}""".formatted(permissions);
        return ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    @Test
    void toolsAndTheWorkspaceReadOnlyOnlyWhenGranted(@TempDir Path dir) throws Exception {
        Path tools = dir.resolve("cache/tools");
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        assertEquals(List.of(tools, workspace), HostTools.readOnlyBinds(
                manifest("{\"read\": [\"${workspace}/**\"], \"processes\": true, \"tools\": true}"), tools, workspace));
        assertTrue(Files.isDirectory(tools), "made so bubblewrap can bind it");
        assertEquals(List.of(tools), HostTools.readOnlyBinds(manifest("{\"processes\": true, \"tools\": true}"), tools, workspace),
                "no read grant: no workspace");
        assertEquals(List.of(), HostTools.readOnlyBinds(manifest("{\"read\": [\"${workspace}/**\"], \"processes\": true}"), tools, workspace),
                "no tools grant: nothing");
    }
}
