package dev.symphony.kernel.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.manifest.ExtensionManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open folder is bound into a host's sandbox only as far as its manifest grants the whole folder. */
class SandboxWorkspaceBindTest {
    @TempDir
    Path workspace;

    private static ExtensionManifest.Permissions grants(List<String> read, List<String> write) {
        return new ExtensionManifest.Permissions(read, write, List.of(), false, 64, 1.0);
    }

    @Test
    void readWriteReadOnlyOrNotAtAll() {
        String ws = workspace.toAbsolutePath().normalize().toString();
        assertEquals(List.of("--bind", ws, ws), Sandbox.workspaceBind(grants(List.of(), List.of("${workspace}/**")), workspace));
        assertEquals(List.of("--ro-bind", ws, ws), Sandbox.workspaceBind(grants(List.of("${workspace}/**"), List.of()), workspace));
        assertEquals(List.of(), Sandbox.workspaceBind(grants(List.of(), List.of()), workspace), "no grant: the folder is not there");
        assertEquals(List.of(), Sandbox.workspaceBind(grants(List.of("${workspace}/docs/**"), List.of("${workspace}/out/*.txt")), workspace),
                "a narrower grant stays brokered-only");
        assertEquals(List.of(), Sandbox.workspaceBind(grants(List.of("${workspace}/**"), List.of()), workspace.resolve("missing")));
    }

    @Test
    void theFolderIsMountedBeforeTheHostsOwnFoldersWhichMayLieInsideIt() throws Exception {
        Path data = Files.createDirectories(workspace.resolve(".symphony-home/data"));
        List<String> bind = Sandbox.workspaceBind(grants(List.of("${workspace}/**"), List.of()), workspace);
        List<String> cmd = Sandbox.prefix(true, System.getProperty("java.class.path"), workspace.resolve("ext"), workspace.resolve("chan"),
                data, workspace.resolve("cds"), List.of(), List.of(), bind);
        int folder = cmd.indexOf(bind.get(1));
        int own = cmd.lastIndexOf(data.toString());
        assertTrue(folder > 0 && own > folder, cmd.toString());
    }
}
