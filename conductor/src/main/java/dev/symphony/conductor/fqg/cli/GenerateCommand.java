package dev.symphony.conductor.fqg.cli;

import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.generator.PuzzleGenerator;
import dev.symphony.conductor.fqg.generator.PuzzleJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

/** {@code fqg generate --seed S --count N --out DIR [--preset P]}: writes {@code DIR/puzzle-NNNN.json}. */
public final class GenerateCommand {
    private GenerateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        long seed;
        int count;
        Path dir;
        Preset preset;
        try {
            Args a = Args.parse(args, 0, Set.of("--seed", "--count", "--out", "--preset"), Set.of());
            seed = a.longValue("--seed", null);
            count = a.positiveInt("--count", null);
            dir = Path.of(a.required("--out"));
            preset = Preset.byName(a.string("--preset", "default"));
        } catch (Args.UsageException | IllegalArgumentException e) {
            err.println("fqg generate: " + e.getMessage());
            err.println(FqgCommand.USAGE);
            return 2;
        }
        PuzzleGenerator generator = new PuzzleGenerator(preset);
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < count; i++) {
                Puzzle p = generator.puzzle(seed, i);
                Path file = dir.resolve(String.format(Locale.ROOT, "puzzle-%04d.json", i));
                Path tmp = dir.resolve(file.getFileName() + ".tmp");
                Files.writeString(tmp, PuzzleJson.toPrettyString(p) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.printf(Locale.ROOT, "{\"file\":\"%s\",\"index\":%d,\"seed\":%d,\"functions\":%d}%n",
                        file.toString().replace("\\", "\\\\").replace("\"", "\\\""), i, p.seed(), p.size());
            }
            return 0;
        } catch (IOException e) {
            err.println("fqg generate: cannot write to " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
