package dev.symphony.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The workspace of {@code symphony bench lsp --pyright}: the Python standard library's {@code json} and {@code asyncio}
 * packages (the real code for pyright), copied from the machine's Python, and a {@code main.py} importing both.
 */
final class LspPythonProject {
    private static final List<String> PACKAGES = List.of("json", "asyncio");

    private LspPythonProject() {
    }

    /** The folder holding the standard library's packages, as {@code python3} on the PATH says, when there is one. */
    static Optional<Path> standardLibrary() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import json, os; print(os.path.dirname(os.path.dirname(json.__file__)))")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            Path dir = Path.of(out);
            return PACKAGES.stream().allMatch(name -> Files.isDirectory(dir.resolve(name))) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Copies the packages' {@code .py} files into {@code project}; returns its new {@code main.py}. */
    static Path copy(Path stdlib, Path project) throws IOException {
        for (String name : PACKAGES) {
            Path from = stdlib.resolve(name);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".py") && !f.toString().contains("__pycache__"))::iterator) {
                    Path to = project.resolve(name).resolve(from.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
        Path main = project.resolve("main.py");
        Files.writeString(main, "import asyncio\nimport json\n\n");
        return main;
    }

    /** The lines of Python in {@code project}. */
    static int lines(Path project) throws IOException {
        int lines = 0;
        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".py"))::iterator) {
                try (Stream<String> l = Files.lines(f)) {
                    lines += (int) l.count();
                }
            }
        }
        return lines;
    }
}
