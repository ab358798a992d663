package dev.symphony.ui;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code symphony [FOLDER | FILE…]} starts on: a folder; or files, opened in tabs, with the first
 * one's folder as the workspace (a folder given beside them wins). Nothing given: the last folder.
 */
record StartTarget(Path folder, List<Path> files) {
    static final String USAGE = "usage: symphony [FOLDER | FILE... | FOLDER FILE...]";

    /** Parses the arguments; empty (after saying why on {@code err}) when one is neither a folder nor a file. */
    static Optional<StartTarget> parse(String[] args, PrintStream err) {
        Path folder = null;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                err.println("symphony: unknown option '" + arg + "'; " + USAGE);
                return Optional.empty();
            }
            Path path = Path.of(arg).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                if (folder != null) {
                    err.println("symphony: one folder at a time (" + folder + " and " + path + "); " + USAGE);
                    return Optional.empty();
                }
                folder = path;
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                err.println("symphony: " + path + ": no such file or folder");
                return Optional.empty();
            }
        }
        if (folder == null && !files.isEmpty()) {
            folder = files.get(0).getParent();
        }
        return Optional.of(new StartTarget(folder, List.copyOf(files)));
    }
}
