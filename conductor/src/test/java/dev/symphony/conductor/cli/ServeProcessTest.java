package dev.symphony.conductor.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code symphony serve} child process fires a file.saved trigger for a file written by this test. */
class ServeProcessTest {
    @Test
    void aSaveInTheServedFolderRunsTheMelodyAndItsEventsReachStdout(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace").resolve("docs"));
        Files.writeString(workspace.getParent().resolve("on-save.melody.json"), "{\"formatVersion\":1,\"name\":\"on-save\","
                + "\"triggers\":[{\"type\":\"event\",\"on\":\"file.saved\",\"glob\":\"docs/*.txt\"}],"
                + "\"nodes\":[{\"id\":\"path\",\"type\":\"input\"},"
                + "{\"id\":\"up\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"${path}\"}},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${up.text}\"}],"
                + "\"connections\":[{\"from\":\"path\",\"to\":\"up\"},{\"from\":\"up\",\"to\":\"out\"}]}");
        Path log = dir.resolve("serve.out");
        Process serve = ChildJvm.start(ServeChildMain.class, dir.resolve("home"), log,
                workspace.getParent().toString(), "--port", "0", "--policy", "heuristic");
        try {
            Path err = Path.of(log + ".err");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!(Files.exists(err) && Files.readString(err).contains("1 Melodies"))) {
                assertTrue(serve.isAlive(), "serve ended: " + (Files.exists(err) ? Files.readString(err) : ""));
                assertTrue(System.currentTimeMillis() < deadline, "serve did not start");
                Thread.sleep(50);
            }
            Files.writeString(workspace.resolve("readme.txt"), "saved by the test");
            while (!Files.readString(log).contains("\"outputs\":{\"out\":\"DOCS/README.TXT\"}")) {
                assertTrue(serve.isAlive(), "serve ended: " + Files.readString(err));
                assertTrue(System.currentTimeMillis() < deadline, "no run for the save: " + Files.readString(log) + Files.readString(err));
                Thread.sleep(50);
            }
            String out = Files.readString(log);
            assertTrue(out.contains("\"type\":\"run.started\"") && out.contains("\"status\":\"succeeded\""), out);
            assertTrue(Files.readString(err).contains("file.saved docs/readme.txt"), Files.readString(err));
        } finally {
            serve.destroyForcibly();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
