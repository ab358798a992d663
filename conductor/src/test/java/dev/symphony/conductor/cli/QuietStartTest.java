package dev.symphony.conductor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code symphony run} on an invalid Melody says what is wrong and nothing else: DJL's engine (whose start
 * printed two CUDA warnings on a machine with a CUDA runtime and no GPU) is not even loaded, because the
 * learned policy loads at the first scheduling decision. Where it does load, DJL's GPU probe is configured
 * to report errors only, and DJL's other warnings stay on.
 */
class QuietStartTest {
    @TempDir
    Path dir;

    @Test
    void anInvalidMelodyPrintsItsProblemAndNeverLoadsDjl() throws Exception {
        Path melody = dir.resolve("bad.melody.json");
        Files.writeString(melody, "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"x\",\"type\":\"nope\"}],\"connections\":[]}");
        Path log = dir.resolve("run.log");
        Path classes = dir.resolve("classes.log");
        Process p = ChildJvm.start(List.of("-Xlog:class+load=info:file=" + classes), ResumeChildMain.class,
                dir.resolve("home"), log, melody.toString());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not exit");
        assertEquals(2, p.exitValue());
        List<String> err = Files.readAllLines(Path.of(log + ".err"));
        assertEquals(List.of("symphony run: " + melody + ": invalid Melody (1 problem)",
                "  $.nodes[0].type: does not have a value in the enumeration [\"call\", \"input\", \"output\", \"condition\", "
                        + "\"loop\", \"approval\", \"melody\"]"), err);
        assertFalse(Files.readString(classes).contains("ai.djl.engine.Engine "), "DJL's engine was loaded");
    }

    @Test
    void djlsGpuProbeReportsErrorsOnlyAndTheRestOfDjlStillWarns() {
        assertFalse(LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").isWarnEnabled());
        assertTrue(LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").isErrorEnabled());
        assertTrue(LoggerFactory.getLogger("ai.djl.pytorch.jni.LibUtils").isWarnEnabled());
    }
}
