package dev.symphony.ui.terminal.pty;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to start on a pseudo-terminal: the command line, its complete environment, its working
 * folder and the initial window size in character cells.
 */
public record ShellCommand(List<String> command, Map<String, String> environment, Path directory,
                           int columns, int rows) {
    public ShellCommand {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a terminal needs a command to start, got none");
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directory, "directory");
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("terminal size must be positive, got " + columns + "x" + rows);
        }
    }

    public ShellCommand withCommand(List<String> newCommand) {
        return new ShellCommand(newCommand, environment, directory, columns, rows);
    }

    public ShellCommand withSize(int newColumns, int newRows) {
        return new ShellCommand(command, environment, directory, newColumns, newRows);
    }

    /** The program's file name, e.g. {@code bash} — what a terminal tab is titled by default. */
    public String programName() {
        String program = command.get(0);
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        return program.substring(slash + 1);
    }
}
