package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.extensions.ExtensionStore;
import dev.symphony.kernel.extensions.TestPlugins;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.process.JvmFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A host probes its environment for the secrets the IDE's environment holds: {@code symphony call} runs in
 * its own JVM with an API key and a token planted in its environment, and the probe extension's
 * {@code environment} capability returns everything its host sees.
 */
class EnvironmentLeakTest {
    static final String PROBE = "dev.symphony.test.probe";

    @Test
    void aHostSeesNoneOfTheKernelsSecrets(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        TestPlugins.install(new ExtensionStore(SymphonyPaths.under(home).data("extensions")),
                TestPlugins.zip(TestPlugins.build("probe", tmp.resolve("build")), tmp.resolve("probe.zip")));
        JvmFlags flags = JvmFlags.forCurrentRuntime();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags.flags());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CallMain.class.getName(), PROBE, "environment", "{}"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(tmp.resolve("err.txt").toFile()).redirectOutput(tmp.resolve("out.txt").toFile());
        pb.environment().putAll(flags.environment());
        pb.environment().put("SYMPHONY_HOME", home.toString());
        pb.environment().put("OPENAI_API_KEY", "sk-planted-0123456789");
        pb.environment().put("GITHUB_TOKEN", "ghp_planted_abcdef");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process call = pb.start();
        assertTrue(call.waitFor(60, TimeUnit.SECONDS), "the call finished");
        String err = Files.readString(tmp.resolve("err.txt"));
        assertEquals(0, call.exitValue(), err);
        JsonNode env = new ObjectMapper().readTree(Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8)).path("env");
        assertFalse(env.isEmpty(), "the host reported its environment");
        assertFalse(env.toString().contains("planted"), "a planted secret reached the host: " + env);
        assertFalse(env.has("SYMPHONY_HOME"), "only allow-listed variables pass: " + env);
        if (System.getenv("PATH") != null) {
            assertTrue(env.has("PATH"), "the allow-list passes PATH: " + env);
        }
        assertEquals("C.UTF-8", env.path("LC_ALL").asText(), "locale variables pass: " + env);
    }
}
