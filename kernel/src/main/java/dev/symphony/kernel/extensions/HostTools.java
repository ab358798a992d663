package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code permissions.tools}: a host that runs programs itself (the {@code lsp} extension's language servers, which
 * talk over their standard streams for as long as the host lives, so the brokered run-to-completion
 * {@code ProcessProtocol} does not fit) sees the per-user tools folder read-only, and the workspace read-only when its
 * {@code read} globs cover {@code ${workspace}}. Granted only with {@code processes} (the manifest reader checks it);
 * the install approval shows it like every permission.
 */
final class HostTools {
    private HostTools() {
    }

    static boolean granted(ExtensionManifest manifest) {
        var p = manifest.raw().path("permissions");
        return p.path("tools").asBoolean(false) && p.path("processes").asBoolean(false);
    }

    /** The folders bound read-only into such a host's sandbox (created when missing: bubblewrap binds existing ones). */
    static List<Path> readOnlyBinds(ExtensionManifest manifest, Path tools, Path workspace) {
        if (!granted(manifest)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(tools);
            out.add(tools);
        } catch (IOException e) {
            // not creatable (read-only cache): the host finds servers on the PATH only
        }
        boolean readsWorkspace = false;
        for (var glob : manifest.raw().path("permissions").path("read")) {
            readsWorkspace |= glob.asText().startsWith("${workspace}");
        }
        if (readsWorkspace && workspace != null && Files.isDirectory(workspace)) {
            out.add(workspace);
        }
        return out;
    }
}
