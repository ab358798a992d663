package dev.symphony.editor.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.errors.ConfigInvalidException;

/** The user's global git excludes file: {@code core.excludesFile} in {@code ~/.gitconfig}, else {@code $XDG_CONFIG_HOME/git/ignore}. */
final class GlobalExcludes {

    private GlobalExcludes() {
    }

    static Path file() {
        String home = System.getProperty("user.home");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path xdgDir = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
        for (Path config : new Path[] {Path.of(home, ".gitconfig"), xdgDir.resolve("git").resolve("config")}) {
            String configured = excludesFile(config);
            if (configured != null) {
                return Path.of(configured.startsWith("~/") ? home + configured.substring(1) : configured);
            }
        }
        return xdgDir.resolve("git").resolve("ignore");
    }

    private static String excludesFile(Path gitconfig) {
        if (!Files.isRegularFile(gitconfig)) {
            return null;
        }
        try {
            Config config = new Config();
            config.fromText(Files.readString(gitconfig));
            return config.getString("core", null, "excludesfile");
        } catch (ConfigInvalidException | java.io.IOException | RuntimeException e) {
            return null; // a broken gitconfig is git's problem to report; search goes on without it
        }
    }
}
