package dev.symphony.editor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds {@code shared/bench-data}: the {@code symphony.benchData} system property, else
 * {@code ../shared/bench-data} or {@code ../../shared/bench-data} from the working folder. Absent on
 * a fresh clone: benchmarks that need it skip with a message.
 */
public final class BenchData {

    private BenchData() {
    }

    public static Optional<Path> folder() {
        String prop = System.getProperty("symphony.benchData");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (String rel : new String[] {"../shared/bench-data", "../../shared/bench-data"}) {
            Path p = Path.of(rel).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static Optional<Path> trace(String name) {
        return folder().map(f -> f.resolve("editing-traces").resolve(name + ".json.gz")).filter(Files::isRegularFile);
    }

    /** A deterministic generated Java source file of at least {@code bytes}, cached under java.io.tmpdir. */
    public static Path javaSource(int bytes, long seed) throws IOException {
        Path p = Path.of(System.getProperty("java.io.tmpdir"), "symphony-bench-" + bytes + "-" + seed + ".java");
        if (!Files.isRegularFile(p)) {
            Path tmp = Files.createTempFile(p.getParent(), "gen", ".tmp");
            Files.writeString(tmp, new JavaSourceGenerator(seed).generate(bytes));
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return p;
    }
}
