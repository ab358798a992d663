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

    /**
     * The JIT flags the launcher and the supervisor add: accepted by this runtime without a word (a typo would stop
     * every host), and on a real JVM a method of Symphony's packages is compiled at the JIT's usual threshold while
     * the same JVM without the exceptions leaves it interpreted (a CompileCommand's factor multiplies the global one:
     * a factor of 1.0 kept these packages at 5x and 10x).
     */
    @Test
    void theJitFlagsRaiseTheThresholdsButKeepSymphonysPackagesAtTheUsualOnes() throws Exception {
        JvmFlags flags = JvmFlags.forCurrentRuntime();
        for (java.util.List<String> jit : java.util.List.of(flags.jitFlags(), flags.hostJitFlags())) {
            String global = jit.get(0);
            assertTrue(global.startsWith("-XX:CompileThresholdScaling="), "the global scaling comes first (the launcher reads it so): " + jit);
            String out = probe(jit);
            assertTrue(out.contains("JitProbe::work"), "compiled at the usual threshold under " + jit + ":\n" + out);
            assertFalse(out.contains("CompileCommand"), "quiet: nothing printed about the commands: " + out);
            String without = probe(java.util.List.of(global));
            assertFalse(without.contains("JitProbe::work"), "interpreted under " + global + " alone:\n" + without);
        }
    }

    /** What a JVM with {@code jit} prints (its compilations included) running {@link JitProbe}; compiling as it goes. */
    private static String probe(java.util.List<String> jit) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xbatch", "-XX:+PrintCompilation"));
        cmd.addAll(jit);
        cmd.addAll(java.util.List.of("-cp", java.nio.file.Path.of(JitProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                JitProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("sum "), out);
        return out;
    }
}
