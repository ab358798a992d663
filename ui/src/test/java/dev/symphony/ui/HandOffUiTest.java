package dev.symphony.ui;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.instance.InstanceServer;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code symphony FILE} while a workbench runs: a second, real process hands the file to the running
 * workbench over its socket and exits; hostile requests on the socket get a clear refusal and open nothing.
 */
@ExtendWith(ApplicationExtension.class)
class HandOffUiTest {
    private TestWorkbench bench;
    private InstanceServer server;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "handoff");
        server = WorkbenchLauncher.serveHandOffs(bench.workbench);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (server != null) {
            server.close();
        }
        bench.close();
    }

    /** Runs {@code WorkbenchLauncher} as its own JVM with this SYMPHONY_HOME: its exit status and output. */
    private String[] launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkbenchLauncher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SYMPHONY_HOME", bench.home.toString());
        builder.environment().remove("DISPLAY"); // were it to start a window instead, it would fail at once
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the second process ends");
        return new String[] {String.valueOf(process.exitValue()), output};
    }

    private String send(byte[] request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(server.socket()))) {
            channel.write(ByteBuffer.wrap(request));
            channel.shutdownOutput();
            ByteBuffer reply = ByteBuffer.allocate(4096);
            while (channel.read(reply) >= 0 && reply.hasRemaining()) {
                // until the server closes
            }
            return new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void aSecondProcessHandsItsFileToTheRunningWorkbench(FxRobot robot) throws Exception {
        assertTrue(server != null && Files.exists(server.socket()), "the workbench listens");
        Path file = Files.writeString(bench.workspace.resolve("notes.md"), "# Notes\n");
        String[] result = launch(file.toString());
        assertEquals("0", result[0], result[1]);
        assertTrue(result[1].contains("opened " + file + " in the running workbench"), result[1]);
        waitUntil("the file opens in the running workbench", () -> bench.workbench.tabs().find(file).isPresent());
        waitUntil("as the active tab", () -> file.equals(bench.workbench.tabs().selectedProperty().get().path()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the open's own callbacks, before the workbench closes

        assertThrows(IOException.class, () -> InstanceServer.start(server.socket(), files -> { }),
                "a second workbench on the same home does not take the socket over");
    }

    @Test
    void hostileRequestsAreRefusedAndOpenNothing() throws Exception {
        Path outside = Files.writeString(bench.workspace.resolve("x.txt"), "x");
        assertTrue(send("{\"open\": [\"x.txt\"]}\n".getBytes(StandardCharsets.UTF_8))
                .startsWith("error: $.open[0]: x.txt must be an absolute, normalized path"));
        assertTrue(send(new byte[] {0, 1, 2, (byte) 0xff, '\n'}).startsWith("error: the request is not"));
        assertTrue(send(("{\"open\": [\"" + outside + "\"], \"exec\": \"sh\"}\n").getBytes(StandardCharsets.UTF_8))
                .startsWith("error: $.exec: unknown field"));
        byte[] huge = new byte[dev.symphony.ui.instance.OpenRequest.MAX_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertTrue(send(huge).startsWith("error: the request is longer than"));
        assertEquals(0, bench.workbench.tabs().documents().size(), "nothing was opened");
        String ok = send(("{\"open\": [\"" + outside + "\"]}\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("ok", ok, "the server still serves after refusals");
        waitUntil("the valid request opens its file", () -> bench.workbench.tabs().find(outside).isPresent());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the open's own callbacks, before the workbench closes
    }
}
