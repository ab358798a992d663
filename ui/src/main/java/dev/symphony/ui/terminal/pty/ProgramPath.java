package dev.symphony.ui.terminal.pty;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds a program the way a shell would: a path as given, a bare name on the {@code PATH}. */
final class ProgramPath {
    private ProgramPath() {}

    static Optional<Path> find(String program, Map<String, String> environment, Path directory) {
        if (program.contains("/") || program.contains("\\")) {
            Path path = directory.resolve(program);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
        String[] extensions = LoginShell.isWindows() ? new String[] {"", ".exe", ".cmd", ".bat", ".com"} : new String[] {""};
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            for (String extension : extensions) {
                Path candidate = Path.of(folder, program + extension);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
