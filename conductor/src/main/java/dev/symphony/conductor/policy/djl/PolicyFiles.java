package dev.symphony.conductor.policy.djl;

import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes a policy model as one DJL {@code .params} file, atomically (temp folder beside it, then a move). */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    public static void save(Model model, Path out) throws IOException {
        model.setProperty(PolicyNetwork.FEATURES_PROPERTY, PolicyNetwork.FEATURES_VERSION);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, ".policy-");
        try {
            model.save(tmp, PolicyNetwork.MODEL_NAME);
            Path written;
            try (Stream<Path> files = Files.list(tmp)) {
                written = files.filter(p -> p.getFileName().toString().endsWith(".params")).findFirst()
                        .orElseThrow(() -> new IOException("DJL wrote no .params file in " + tmp));
            }
            Files.move(written, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
