package dev.symphony.samples.lsp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a server's program is: first the per-user tools folder ({@code TOOLS/lsp/<name>-<versions>/node_modules/.bin},
 * where {@code symphony lsp install NAME} puts it), then the {@code PATH}. The kernel tells hosts and tools where the
 * tools folder is ({@value #ENV}: the cache folder's {@code tools/} unless the user set it).
 */
public final class ToolsFolder {
    public static final String ENV = "SYMPHONY_TOOLS_DIR";
    private final Path root;
    private final String path;

    public ToolsFolder(Path root, String path) {
        this.root = root;
        this.path = path == null ? "" : path;
    }

    /** From this process's environment; without {@value #ENV} only the {@code PATH} is searched. */
    public static ToolsFolder fromEnvironment(Map<String, String> env) {
        String dir = env.get(ENV);
        return new ToolsFolder(dir == null || dir.isBlank() ? null : Path.of(dir), env.get("PATH"));
    }

    /** The tools folder, or empty when nobody said where it is. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** Where {@code spec}'s packages are installed (they may not be yet). */
    public Optional<Path> installDir(ServerSpec spec) {
        return root().map(r -> r.resolve("lsp").resolve(spec.installFolder()));
    }

    /** The server's program: installed in the tools folder, else on the {@code PATH}. */
    public Optional<Path> find(ServerSpec spec) {
        Optional<Path> installed = installDir(spec).map(d -> d.resolve("node_modules").resolve(".bin").resolve(spec.command()))
                .filter(Files::isExecutable);
        return installed.isPresent() ? installed : onPath(spec.command());
    }

    Optional<Path> onPath(String command) {
        if (command.contains("/") || command.contains(File.separator)) {
            Path p = Path.of(command);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, command);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
