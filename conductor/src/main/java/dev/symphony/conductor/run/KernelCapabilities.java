package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.extensions.Player;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;

/**
 * Capabilities of the installed extensions, called through the kernel and the bus exactly like
 * {@code symphony call}: a kernel started in this process (the user's installed extensions plus, in a source
 * checkout, the built {@code sample-extensions/} modules), schema-checked and audited calls, hosts started
 * lazily and stopped on {@link #close()}.
 */
public final class KernelCapabilities implements Capabilities, AutoCloseable {
    private final Kernel kernel;

    public KernelCapabilities(Kernel kernel) {
        this.kernel = kernel;
    }

    /** The same kernel {@code symphony call} starts (see the kernel's CliKernel). */
    public static KernelCapabilities start() {
        return new KernelCapabilities(Kernel.start(KernelContext.standard()));
    }

    /** The registry as it is now (validated manifests only). */
    private ManifestCatalog catalog() {
        List<ExtensionManifest> manifests = new ArrayList<>();
        for (Player p : kernel.players()) {
            if (p.manifest() != null) {
                manifests.add(p.manifest());
            }
        }
        return new ManifestCatalog(manifests);
    }

    @Override
    public boolean hasExtension(String extension) {
        return kernel.player(extension).isPresent();
    }

    @Override
    public Optional<CapabilitySpec> find(String extension, String capability) {
        return catalog().find(extension, capability);
    }

    @Override
    public List<CapabilitySpec> offering(String capability, String kind) {
        return catalog().offering(capability, kind);
    }

    @Override
    public JsonNode call(CapabilitySpec spec, JsonNode input, Duration timeout) {
        return kernel.call("conductor", spec.extension(), spec.capability(), input, timeout);
    }

    @Override
    public Invocation invoke(CapabilitySpec spec, JsonNode input, Duration timeout) {
        Kernel.CallResult r = kernel.invoke("conductor", spec.extension(), spec.capability(), input, timeout);
        return new Invocation(r.output(), r.tokens(), r.cost());
    }

    @Override
    public CompletableFuture<?> warmUp(CapabilitySpec spec) {
        return kernel.warmUp("conductor", spec.extension(), spec.capability());
    }

    /**
     * Feeds the events extensions announce to {@code listener} (a server's {@code extension.event}
     * triggers) and starts the {@code onStartup} extensions, whose hosts would otherwise only start
     * on their first call and so could announce nothing.
     */
    public AutoCloseable listenToExtensions(Kernel.ExtensionEventListener listener) {
        AutoCloseable handle = kernel.onExtensionEvent(listener);
        kernel.activateStartupExtensions();
        return handle;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
