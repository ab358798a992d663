package dev.symphony.ui.terminal.pty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own shell, used when the {@code terminal.integrated.shell} setting is empty: on Unix
 * {@code $SHELL}, else the login shell in {@code /etc/passwd}, else {@code /bin/sh}; on Windows
 * PowerShell if present, else {@code %COMSPEC%}.
 */
public final class LoginShell {
    private LoginShell() {}

    public static String detect(Map<String, String> environment) {
        if (isWindows()) {
            String systemRoot = environment.getOrDefault("SystemRoot", "C:\\Windows");
            Path powershell = Path.of(systemRoot, "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
            return Files.isRegularFile(powershell) ? powershell.toString()
                    : environment.getOrDefault("COMSPEC", "cmd.exe");
        }
        String shell = environment.get("SHELL");
        if (shell != null && Files.isExecutable(Path.of(shell))) {
            return shell;
        }
        return fromPasswd(System.getProperty("user.name"))
                .filter(s -> Files.isExecutable(Path.of(s)))
                .orElse("/bin/sh");
    }

    /** Arguments the default shell gets: macOS terminals start login shells, Linux ones do not. */
    public static List<String> defaultArguments() {
        return System.getProperty("os.name", "").toLowerCase().contains("mac") ? List.of("-l") : List.of();
    }

    static Optional<String> fromPasswd(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream()
                    .map(line -> line.split(":", -1))
                    .filter(fields -> fields.length >= 7 && fields[0].equals(user) && !fields[6].isBlank())
                    .map(fields -> fields[6])
                    .findFirst();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
