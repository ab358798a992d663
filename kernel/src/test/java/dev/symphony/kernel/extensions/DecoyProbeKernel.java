package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.paths.SymphonyPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real kernel with the probe extension installed, in a decoy home: what the hostile-host and running-quota cases
 * share. The home's listing outside Symphony's own folder is taken before the kernel starts, and {@link #close()}
 * stops the kernel and checks that listing is unchanged, so every case is shown to be contained.
 */
final class DecoyProbeKernel implements AutoCloseable {
    static final String PROBE = KernelIntegrationTest.PROBE;
    private static final ObjectMapper JSON = new ObjectMapper();
    final DecoyHome decoy;
    final SymphonyPaths paths;
    final Kernel kernel;
    private final Map<String, String> before;

    private DecoyProbeKernel(DecoyHome decoy, SymphonyPaths paths, Kernel kernel, Map<String, String> before) {
        this.decoy = decoy;
        this.paths = paths;
        this.kernel = kernel;
        this.before = before;
    }

    /** Builds and installs the probe under {@code tmp}, then starts a kernel on the workspace {@code tmp/ws}. */
    static DecoyProbeKernel start(Path tmp, UnaryOperator<KernelContext> configure) throws Exception {
        DecoyHome decoy = DecoyHome.create(tmp.resolve("home"));
        SymphonyPaths paths = SymphonyPaths.under(decoy.symphonyHome());
        Map<String, String> before = outsideSymphony(decoy);
        Path archive = TestPlugins.zip(TestPlugins.build("probe", tmp.resolve("build")), tmp.resolve("probe.zip"));
        TestPlugins.install(new ExtensionStore(paths.data("extensions")), archive);
        Path workspace = Files.createDirectories(tmp.resolve("ws"));
        // these cases are about quotas and containment, not hang detection: a host starved of CPU on a loaded machine
        // must not be killed as hung in the middle of one (the supervisor's own tests keep the default)
        Kernel kernel = Kernel.start(configure.apply(new KernelContext().paths(paths).workspace(workspace)
                .hangTimeout(Duration.ofSeconds(5))));
        return new DecoyProbeKernel(decoy, paths, kernel, before);
    }

    /** Calls one of the probe's capabilities. */
    JsonNode call(String capability, String input, Duration timeout) throws Exception {
        return kernel.call(new CapabilityCall("test", PROBE, capability, JSON.readTree(input), timeout)).output();
    }

    /** Stops the kernel; then nothing in the decoy home outside Symphony's folder may have changed. */
    @Override
    public void close() throws Exception {
        kernel.close();
        assertEquals(before, outsideSymphony(decoy),
                "every case is contained: nothing in the user's home outside Symphony's folder changed");
    }

    /** The decoy home's listing without Symphony's own folder (where the kernel keeps logs, the audit, the host's data). */
    private static Map<String, String> outsideSymphony(DecoyHome decoy) throws Exception {
        Map<String, String> listing = decoy.listing();
        listing.keySet().removeIf(path -> path.startsWith(".symphony"));
        return listing;
    }
}
