package dev.symphony.conductor.fqg.cli;

import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.generator.PuzzleJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The puzzles of {@code fqg eval --puzzles DIR}: every {@code *.json} file of DIR (not its subfolders), by name.
 * They must share one preset (its rules — jitter, reward weights — decide how they are played).
 */
record PuzzleFiles(List<Puzzle> puzzles, Preset preset) {
    static PuzzleFiles read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--puzzles " + dir + ": not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--puzzles " + dir + ": no *.json puzzle files");
        }
        List<Puzzle> puzzles = new ArrayList<>();
        Preset preset = null;
        for (Path f : files) {
            Puzzle p = PuzzleJson.read(f);
            Preset mine;
            try {
                mine = Preset.byName(p.preset());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(f + ": $.preset: " + e.getMessage());
            }
            if (preset != null && !preset.name().equals(mine.name())) {
                throw new IllegalArgumentException(f + ": $.preset: " + mine.name() + ", but " + files.get(0).getFileName()
                        + " is " + preset.name() + " (one preset per evaluation)");
            }
            preset = mine;
            puzzles.add(p);
        }
        return new PuzzleFiles(puzzles, preset);
    }
}
