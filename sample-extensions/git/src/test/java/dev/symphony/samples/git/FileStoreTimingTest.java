package dev.symphony.samples.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Git host in a fresh home (a new Symphony home, or the sandbox hiding the user's) does not wait for JGit to
 * measure the file store before its first status. Each case runs in a JVM of its own with an empty home, so JGit has
 * measured nothing yet; without {@link FileStoreTiming#inBackground} JGit measures first (the control case).
 */
class FileStoreTimingTest {
    @TempDir
    Path tmp;

    @Test
    void theFirstReadDoesNotWaitForJGitToTimeTheFileStore() throws Exception {
        assertEquals("fallback", probe("background"), "JGit made the first read wait while it measured the file store");
    }

    @Test
    void withoutItJGitMeasuresFirst() throws Exception {
        assertEquals("measured", probe("wait"), "the control: JGit answers at once even without the background setting");
    }

    private String probe(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Duser.home=" + tmp.resolve("home"), "-cp",
                System.getProperty("java.class.path"), FileStoreProbe.class.getName(), tmp.resolve("work").toString(), mode))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("XDG_CONFIG_HOME"); // JGit's config would be found there, measured long ago
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("the probe JVM failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + "): " + out);
        }
        return out.lines().reduce((a, b) -> b).orElse("");
    }
}
