package dev.symphony.kernel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class JvmFlagsTest {
    @Test
    void flagsComeFromTheOneDefinitionAndMatchWhatThisTestJvmGot() {
        JvmFlags flags = JvmFlags.forRuntime(17);
        assertTrue(flags.flags().contains("-Dchronicle.analytics.disable=true"));
        assertTrue(flags.flags().contains("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"));
        assertFalse(flags.flags().contains("--enable-native-access=ALL-UNNAMED"));
        assertTrue(JvmFlags.forRuntime(25).flags().contains("--enable-native-access=ALL-UNNAMED"));
        assertEquals("true", flags.environment().get("OPT_OUT_TRACKING"));
        // Surefire's argLine is filtered from the same property: this JVM must carry every flag.
        var running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String flag : JvmFlags.forCurrentRuntime().flags()) {
            assertTrue(running.contains(flag), flag + " missing from " + running);
        }
    }

    /** The JIT flags the launcher and the supervisor add must be accepted by this runtime (a typo would stop every host). */
    @Test
    void theJitFlagsKeepTheBusPackagesAtTheUsualThresholdsAndTheJvmAcceptsThem() throws Exception {
        var jit = JvmFlags.forCurrentRuntime().jitFlags();
        assertTrue(jit.contains("-XX:CompileCommand=CompileThresholdScaling,dev.symphony.*::*,1.0"), jit.toString());
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:CompileThresholdScaling=10"));
        cmd.addAll(jit);
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertFalse(out.contains("CompileCommand"), "quiet: nothing printed about the commands: " + out);
    }
}
