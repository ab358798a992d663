package dev.symphony.ui.terminal.pty;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A command to run in a new terminal.
 *
 * @param command     the program and its arguments (not parsed by a shell; see {@link #shell})
 * @param directory   where it runs; null for the workspace root
 * @param environment entries added to the terminal's environment
 * @param title       the terminal tab's title; null for the program's name
 */
public record CommandRequest(List<String> command, Path directory, Map<String, String> environment, String title) {
    public CommandRequest {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command request needs a program to run, got none");
        }
        environment = Map.copyOf(environment);
    }

    public static CommandRequest of(String... command) {
        return new CommandRequest(List.of(command), null, Map.of(), null);
    }

    /** A command line for the platform's shell ({@code sh -c} or {@code cmd /c}). */
    public static CommandRequest shell(String commandLine) {
        return LoginShell.isWindows() ? of("cmd.exe", "/c", commandLine) : of("/bin/sh", "-c", commandLine);
    }

    public CommandRequest inDirectory(Path folder) {
        return new CommandRequest(command, folder, environment, title);
    }

    public CommandRequest titled(String newTitle) {
        return new CommandRequest(command, directory, environment, newTitle);
    }
}
