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
}
