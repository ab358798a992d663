package dev.symphony.ui.terminal.pty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.kernel.settings.SettingsService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code terminal.integrated.*} settings that decide how a shell starts, turned into a {@link
 * ShellCommand}: shell path (empty = the user's login shell), arguments, extra environment entries
 * ({@code NAME=value}; {@code NAME=} removes a variable) and the start folder (empty = workspace root).
 */
public final class ShellSettings {
    public static final String SHELL = "terminal.integrated.shell";
    public static final String SHELL_ARGS = "terminal.integrated.shellArgs";
    public static final String ENV = "terminal.integrated.env";
    public static final String CWD = "terminal.integrated.cwd";
    public static final String SCROLLBACK = "terminal.integrated.scrollback";
    public static final String FONT_SIZE = "terminal.integrated.fontSize";
    public static final String FONT_FAMILY = "terminal.integrated.fontFamily";
    public static final String CONFIRM_ON_KILL = "terminal.integrated.confirmOnKill";
    static final int DEFAULT_COLUMNS = 80;
    static final int DEFAULT_ROWS = 24;

    private ShellSettings() {}

    /** The shell the settings ask for, started in {@code workspace} (or the home folder without one). */
    public static ShellCommand shell(SettingsService settings, Path workspace, Map<String, String> baseEnvironment) {
        Map<String, String> environment = environment(baseEnvironment, strings(settings.get(ENV)));
        String shell = settings.getString(SHELL);
        List<String> command = new ArrayList<>();
        if (shell == null || shell.isBlank()) {
            command.add(LoginShell.detect(environment));
            List<String> args = strings(settings.get(SHELL_ARGS));
            command.addAll(args.isEmpty() ? LoginShell.defaultArguments() : args);
        } else {
            command.add(expandHome(shell.strip()));
            command.addAll(strings(settings.get(SHELL_ARGS)));
        }
        return new ShellCommand(command, environment, directory(settings.getString(CWD), workspace),
                DEFAULT_COLUMNS, DEFAULT_ROWS);
    }

    /**
     * The environment a terminal program sees: the IDE's, plus what says this is a 256-colour,
     * true-colour xterm, plus the user's entries.
     */
    public static Map<String, String> environment(Map<String, String> base, List<String> userEntries) {
        Map<String, String> environment = new LinkedHashMap<>(base);
        environment.put("TERM", "xterm-256color");
        environment.put("COLORTERM", "truecolor");
        environment.put("TERM_PROGRAM", "symphony");
        for (String entry : userEntries) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                continue; // the schema rejects these; a hand-edited file may still have one
            }
            String name = entry.substring(0, equals);
            String value = entry.substring(equals + 1);
            if (value.isEmpty()) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        }
        return environment;
    }

    static Path directory(String configured, Path workspace) {
        Path home = Path.of(System.getProperty("user.home"));
        Path base = workspace != null ? workspace : home;
        if (configured == null || configured.isBlank()) {
            return base;
        }
        Path chosen = base.resolve(expandHome(configured.strip())).normalize();
        return Files.isDirectory(chosen) ? chosen : base;
    }

    private static String expandHome(String path) {
        return path.equals("~") || path.startsWith("~/")
                ? System.getProperty("user.home") + path.substring(1) : path;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
