package dev.symphony.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.kernel.extensions.Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's commands confined by bubblewrap beside the copy-on-write overlay, with real processes: a connection to a
 * server this test listens on (from bash's {@code /dev/tcp} and from {@code curl}) fails and the server sees nothing; a
 * write to a folder outside the workspace fails and the folder stays empty; a write inside lands in the overlay and
 * reaches the workspace only when applied. Without the overlay the same confinement holds with the workspace itself
 * writable. Where bubblewrap is unavailable (forced here as the kernel's tests force it) the command's result says so.
 */
class ConfinedCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    @TempDir
    Path outside;
    Path workspace;
    OverlayShell overlay;
    final CommandRunner shell = new CommandRunner(Duration.ofSeconds(30));
    ServerSocket server;
    final AtomicInteger accepted = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        workspace = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(workspace.resolve("a.txt"), "alpha\n");
        overlay = new OverlayShell(dir.resolve("scratch"));
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    accepted.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "confined-commands-server");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        System.clearProperty(Sandbox.FORCE_UNAVAILABLE_PROPERTY);
    }

    private String escapes() {
        int port = server.getLocalPort();
        return "(exec 3<>/dev/tcp/127.0.0.1/" + port + " && echo SOCKET-CONNECTED);"
                + " (curl -sS --max-time 5 http://127.0.0.1:" + port + "/ && echo CURL-CONNECTED);"
                + " (echo leaked > " + outside.resolve("leak.txt") + " && echo WROTE-OUTSIDE);"
                + " echo inside > made.txt";
    }

    /** What the test server and the folder outside saw: nothing. */
    private void nothingEscaped(String output) throws IOException {
        assertFalse(output.contains("SOCKET-CONNECTED"), output);
        assertFalse(output.contains("CURL-CONNECTED"), output);
        assertFalse(output.contains("WROTE-OUTSIDE"), output);
        assertEquals(0, accepted.get(), "the server outside the sandbox was reached: " + output);
        try (var left = Files.list(outside)) {
            assertEquals(List.of(), left.toList(), "a file was written outside the workspace: " + output);
        }
    }

    @Test
    void inTheOverlayNoNetworkNoWriteOutsideAndWritesInsideOnlyOnceApplied() throws IOException {
        assumeTrue(Sandbox.unconfinedReason().isEmpty(), () -> "no bubblewrap here: " + Sandbox.unconfinedReason());
        assumeTrue(overlay.unavailable(workspace).isEmpty(), () -> "no overlay here: " + overlay.unavailable(workspace));
        assertEquals(java.util.Optional.empty(), overlay.unconfined(workspace, shell), "bubblewrap runs inside the overlay's namespace");
        try (OverlayRun run = overlay.run(escapes(), workspace, shell, () -> false)) {
            String output = run.result().output();
            assertEquals(0, run.result().exitCode(), output);
            nothingEscaped(output);
            assertEquals(java.util.Map.of("made.txt", OverlayRun.Kind.WRITTEN), run.changes(), output);
            assertFalse(Files.exists(workspace.resolve("made.txt")), "in the overlay only, until applied");
            run.apply();
        }
        assertEquals("inside\n", Files.readString(workspace.resolve("made.txt")));
    }

    @Test
    void withoutTheOverlayTheWorkspaceIsTheOnlyWritableFolder() throws IOException {
        assumeTrue(Sandbox.unconfinedReason().isEmpty(), () -> "no bubblewrap here: " + Sandbox.unconfinedReason());
        CommandRunner.Result r = shell.run(escapes() + " && (touch /usr/symphony-confined || echo USR-READ-ONLY)", workspace, () -> false);
        nothingEscaped(r.output());
        assertEquals("inside\n", Files.readString(workspace.resolve("made.txt")));
        assertTrue(r.output().contains("USR-READ-ONLY"), r.output());
    }

    @Test
    void theModelAndThePersonAreToldWhenBubblewrapIsMissing() throws Exception {
        ApprovalGate yes = (title, detail, verdict) -> CompletableFuture.completedFuture(true);
        Path config = Files.createDirectories(dir.resolve("config"));
        AgentTools tools = new AgentTools(workspace, ApprovalPolicy.load(config, workspace), yes, null, shell);
        AgentTools.Outcome confined = tools.run(new ToolCall("c", "run_command", JSON.readTree("{\"command\":\"echo hi\"}")), () -> false);
        assumeTrue(Sandbox.unconfinedReason().isEmpty(), () -> "no bubblewrap here: " + Sandbox.unconfinedReason());
        assertFalse(confined.result().contains("not confined"), confined.result());

        System.setProperty(Sandbox.FORCE_UNAVAILABLE_PROPERTY, "true");
        AgentTools.Outcome bare = tools.run(new ToolCall("c", "run_command", JSON.readTree("{\"command\":\"echo hi\"}")), () -> false);
        assertTrue(bare.result().contains("[not confined by bubblewrap: no OS sandbox is available here")
                && bare.result().contains("it could reach the network and write outside the workspace]"), bare.result());
        assertEquals(bare.result(), bare.shown(), "the person sees it too");
        assertNotEquals(java.util.Optional.empty(), shell.unconfined());
    }
}
