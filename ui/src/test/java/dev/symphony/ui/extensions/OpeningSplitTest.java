package dev.symphony.ui.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.extensions.ActivationEvents;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.extensions.bench.GitBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a repository with the kernel's trace on marks each step until Git's decorations arrive, in order, so
 * {@code symphony bench git} can say where {@code statusMs} went ({@link GitBench#split}): the activation search, the
 * host's process, its JVM on the bus, its hello, the first status.
 */
class OpeningSplitTest {
    @TempDir
    Path tmp;

    @Test
    void openingARepositoryMarksEveryStepUntilTheDecorations() throws Exception {
        assumeTrue(GitFixture.gitInstalled(), "the git executable makes the repository");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        GitBench.generate(repo, 200, System.err); // the bench's own repository, small: 200 files, 100 of them modified, 100 new
        Map<String, Long> marks = new ConcurrentHashMap<>();
        SymphonyPaths home = SymphonyPaths.under(Files.createDirectories(tmp.resolve("home")));
        // hang checks at 10 s: a loaded two-core machine can keep a starting host's heartbeat waiting
        try (Kernel kernel = Kernel.start(new KernelContext().paths(home).workspace(repo).userHome(Files.createDirectories(tmp.resolve("user-home")))
                .hangTimeout(Duration.ofSeconds(10)).bundledRoot(GitFixture.bundledRoot(tmp)).trace(marks::put))) {
            CompletableFuture<Long> decorated = new CompletableFuture<>();
            try (AutoCloseable listening = kernel.onExtensionEvent((id, name, payload) -> {
                if (id.equals(GitFixture.ID) && name.equals("workbench.fileDecorations")) {
                    decorated.complete(System.nanoTime());
                }
            })) {
                long opened = System.nanoTime();
                assertEquals(List.of(GitFixture.ID), new ActivationEvents(kernel).workspaceOpened(repo));
                marks.put("decorations", decorated.get(2, TimeUnit.MINUTES));
                ObjectNode split = GitBench.split(opened, marks);
                List<String> steps = new ArrayList<>();
                split.fieldNames().forEachRemaining(steps::add);
                assertEquals(List.of("activationSearch", "hostSpawn", "hostJvmToBus", "hostActivated", "readyToDecorations"), steps,
                        "marks: " + marks.keySet());
                split.forEach(ms -> assertTrue(ms.asDouble() >= 0, "a step before the one ahead of it: " + split));
            }
        }
    }
}
