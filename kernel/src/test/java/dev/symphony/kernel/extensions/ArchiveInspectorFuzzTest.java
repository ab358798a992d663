package dev.symphony.kernel.extensions;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing (Jazzer) of the archive inspector and what follows it before the permission prompt —
 * the central-directory reader ({@link ZipInspector}), the entry rules, the unpacker and the manifest: whatever
 * bytes a downloaded {@code .zip} holds, {@link ArchiveInstaller#prepare} answers a prepared extension or an
 * {@link InstallException} naming the problem — never another exception, a hang or an out-of-memory — and after a
 * refusal (or an abort of what it prepared) nothing is left in the store and nothing was written beside it.
 * Bounded in {@code mvn verify} (the parent pom's surefire execution {@code fuzz}, with {@code JAZZER_FUZZ=1}); seeds and every input that ever
 * crashed it: {@code src/test/resources/dev/symphony/kernel/extensions/ArchiveInspectorFuzzTestInputs/}.
 */
class ArchiveInspectorFuzzTest {
    private static final ArchiveRules.Limits SMALL = new ArchiveRules.Limits(1 << 20, 200, 64 << 10);
    private static Path root;

    @FuzzTest(maxDuration = "5s")
    void anArchiveIsPreparedOrRefusedWithoutTrace(byte[] archiveBytes) throws IOException {
        Path dir = root();
        Path archive = dir.resolve("downloads/fuzz.zip");
        Files.write(archive, archiveBytes);
        Path storeDir = dir.resolve("home/extensions");
        ArchiveInstaller installer = new ArchiveInstaller(new ExtensionStore(storeDir), SMALL);
        try {
            installer.abort(installer.prepare(archive, null));
        } catch (InstallException refused) {
            if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                throw new AssertionError("a refusal must say why", refused);
            }
        }
        List<Path> left = listing(dir.resolve("home"));
        if (!left.isEmpty() && !(left.size() == 1 && left.get(0).equals(storeDir))) {
            throw new AssertionError("the install left " + left);
        }
        if (Files.exists(storeDir) && !listing(storeDir).isEmpty()) {
            throw new AssertionError("the store still holds " + listing(storeDir));
        }
    }

    private static synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("symphony-archive-fuzz");
            Files.createDirectories(root.resolve("downloads"));
            Files.createDirectories(root.resolve("home"));
            root.toFile().deleteOnExit();
        }
        return root;
    }

    private static List<Path> listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
