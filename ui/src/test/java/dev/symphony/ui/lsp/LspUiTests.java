package dev.symphony.ui.lsp;

import static dev.symphony.ui.TestWorkbench.waitUntil;

import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.extensions.ExtensionsWorkbench;
import dev.symphony.ui.shell.StatusBarView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.testfx.api.FxRobot;

/** What the UI tests against real language servers share: finding the server, waiting for it, saying why a wait failed. */
final class LspUiTests {
    private LspUiTests() {
    }

    /**
     * A workbench with a real kernel that runs the lsp extension from its built module (development mode) in a real host.
     * The kernel starts in the background, as the launcher starts it beside the window: the test's waits cover it, while
     * TestFX's 60 s bound on {@code @Start} would not on a loaded machine (a kernel start took longer at load average 32).
     */
    record Session(TestWorkbench bench, CompletableFuture<Kernel> kernel, ExtensionsWorkbench extensions) implements AutoCloseable {
        static Session start(Stage stage, String name) throws Exception {
            return start(stage, name, null);
        }

        /**
         * The same with {@code workspaceSettings} (JSON text, or null) as the workspace's {@code .symphony/settings.json},
         * written before the kernel starts (it reads the settings files once, on an extension's first request).
         */
        static Session start(Stage stage, String name, String workspaceSettings) throws Exception {
            TestWorkbench bench = TestWorkbench.start(stage, name);
            if (workspaceSettings != null) {
                Path file = dev.symphony.kernel.settings.SettingsService.workspaceFileOf(bench.workspace);
                Files.createDirectories(file.getParent());
                Files.writeString(file, workspaceSettings);
            }
            Path devRoot = Files.createTempDirectory("symphony-lsp-dev");
            Files.createSymbolicLink(devRoot.resolve("lsp"), Path.of("..", "sample-extensions", "lsp").toAbsolutePath().normalize());
            CompletableFuture<Kernel> kernel = CompletableFuture.supplyAsync(() -> {
                try {
                    return Kernel.start(new KernelContext().paths(bench.paths()).workspace(bench.workspace).developmentRoot(devRoot));
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            return new Session(bench, kernel, ExtensionsWorkbench.attach(bench.workbench, kernel, () -> null));
        }

        @Override
        public void close() throws Exception {
            extensions.close();
            Kernel k = kernel.handle((started, failed) -> started).join();
            if (k != null) {
                k.close();
            }
            bench.close();
        }
    }

    /**
     * Skips the test with a message unless {@code program} is installed in the pinned {@code folder} under
     * {@code SYMPHONY_TOOLS_DIR/lsp/} ({@code .ci/run} puts it there) or is on the {@code PATH}.
     */
    static void assumeInstalled(String server, String folder, String program) {
        String tools = System.getenv("SYMPHONY_TOOLS_DIR");
        boolean inTools = tools != null && Files.isExecutable(Path.of(tools, "lsp", folder, "node_modules", ".bin", program));
        boolean onPath = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
        Assumptions.assumeTrue(inTools || onPath, program + " is not installed (SYMPHONY_TOOLS_DIR/lsp/" + folder
                + " nor the PATH): skipped; .ci/run installs it, or: symphony lsp install " + server);
    }

    /** Skips the test with a message unless typescript-language-server is installed at the lsp extension's pins. */
    static void assumeTypeScript() {
        assumeInstalled("typescript", "typescript-6.0.2-5.9.3", "typescript-language-server"); // the extension's pinned install folder
    }

    /** The lsp extension's status-bar item's text ("" before it shows). */
    static String statusItem(FxRobot robot) {
        return robot.lookup(n -> "status:lsp.status".equals(n.getId())).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    /** A wait that includes a host JVM's and a language server's start on a loaded machine: 120 s; a timeout shows the host's log. */
    static void waitForServer(FxRobot robot, TestWorkbench bench, String what, Supplier<Boolean> condition) throws Exception {
        try {
            waitUntil(what, 120, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e.getMessage() + "; the status bar says: "
                    + robot.lookup("#" + StatusBarView.MESSAGE_ID).queryAs(Label.class).getText() + " / " + statusItem(robot)
                    + "; the host's log:\n" + hostLog(bench));
        }
    }

    /** {@link #waitForServer}; a timeout also says {@code state}. */
    static void waitForServer(FxRobot robot, TestWorkbench bench, String what, Supplier<Boolean> condition, Supplier<String> state)
            throws Exception {
        try {
            waitForServer(robot, bench, what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(state.get() + "; " + e.getMessage(), e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostLog(TestWorkbench bench) {
        StringBuilder b = new StringBuilder();
        try (var files = Files.walk(bench.paths().data("logs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                b.append(f.getFileName()).append(":\n").append(Files.readString(f)).append('\n');
            }
        } catch (java.io.IOException e) {
            b.append(e);
        }
        return b.toString();
    }
}
