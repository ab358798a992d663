package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.contract.Reply;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import java.time.Duration;
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
    private volatile Catalog catalog = new Catalog(null, new ManifestCatalog(List.of()));

    /** The catalog derived from one version of the kernel's catalogue. */
    private record Catalog(List<ExtensionManifest> source, ManifestCatalog catalog) {
    }

    public KernelCapabilities(Kernel kernel) {
        this.kernel = kernel;
    }

    /** The same kernel {@code symphony call} starts (see the kernel's CliKernel). */
    public static KernelCapabilities start() {
        return new KernelCapabilities(Kernel.start(KernelContext.standard()));
    }

    /** The registry's manifests as they are now: indexed again only when the kernel's catalogue changed. */
    private ManifestCatalog catalog() {
        List<ExtensionManifest> now = kernel.catalogue();
        Catalog c = catalog;
        if (c.source() != now) {
            catalog = c = new Catalog(now, new ManifestCatalog(now));
        }
        return c.catalog();
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
        return kernel.call(new CapabilityCall("conductor", spec.extension(), spec.capability(), input, timeout)).output();
    }

    @Override
    public Reply invoke(CapabilitySpec spec, JsonNode input, Duration timeout) {
        return kernel.call(new CapabilityCall("conductor", spec.extension(), spec.capability(), input, timeout));
    }

    @Override
    public Reply stream(CapabilitySpec spec, JsonNode input, Duration timeout, java.util.function.Consumer<JsonNode> chunks) {
        try (dev.symphony.kernel.extensions.KernelStream s = kernel.stream(
                new CapabilityCall("conductor", spec.extension(), spec.capability(), input, timeout))) {
            JsonNode last = null;
            JsonNode chunk;
            while ((chunk = s.next()) != null) {
                chunks.accept(chunk);
                last = chunk;
            }
            JsonNode summary = s.summary();
            return new Reply(last, summary == null ? 0 : summary.path("tokens").asLong(),
                    summary == null ? spec.costPerCall() : summary.path("cost").asDouble(spec.costPerCall()));
        }
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
