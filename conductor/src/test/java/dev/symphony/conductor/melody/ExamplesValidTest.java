package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.run.ManifestCatalog;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Melody in the repository's {@code examples/} validates against the shipped schema and the semantic
 * rules, with the sample extensions' manifests as the registry (so unknown capabilities and port type
 * mismatches are caught here; packaging's ExamplesIT runs them for real).
 */
class ExamplesValidTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyExampleIsAValidMelody() throws Exception {
        List<ExtensionManifest> manifests = new ArrayList<>();
        try (Stream<Path> modules = Files.list(REPO.resolve("sample-extensions"))) {
            for (Path m : modules.toList()) {
                Path file = m.resolve(ManifestReader.FILE_NAME);
                if (Files.isRegularFile(file)) {
                    manifests.add(ManifestReader.read(Files.readAllBytes(file), file.toString()));
                }
            }
        }
        MelodyReader reader = new MelodyReader(new ManifestCatalog(manifests));
        List<Path> examples;
        try (Stream<Path> files = Files.list(REPO.resolve("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".melody.json")).sorted().toList();
        }
        assertTrue(examples.size() >= 5, "at least five examples: " + examples);
        List<String> problems = new ArrayList<>();
        for (Path example : examples) {
            try {
                reader.read(example);
            } catch (InvalidMelodyException e) {
                problems.add(e.getMessage());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
