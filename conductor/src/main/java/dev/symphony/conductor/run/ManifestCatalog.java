package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.contract.manifest.ExtensionManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A catalog over extension manifests (what the kernel's registry holds, or manifests read from files). */
public final class ManifestCatalog implements CapabilityCatalog {
    private final List<ExtensionManifest> manifests;
    private final Map<String, ExtensionManifest> byId = new HashMap<>();

    public ManifestCatalog(List<ExtensionManifest> manifests) {
        this.manifests = List.copyOf(manifests);
        for (ExtensionManifest m : this.manifests) {
            byId.putIfAbsent(m.id(), m);
        }
    }

    public static CapabilitySpec spec(ExtensionManifest m, ExtensionManifest.Capability c) {
        double cost = c.cost() == null ? 0 : c.cost().perCall();
        double latency = c.latency() == null ? 0 : c.latency().p50Ms();
        ExtensionManifest.Kind kind = c.kind() != null ? c.kind() : m.kind();
        return new CapabilitySpec(m.id(), c.name(), kind == null ? "operator" : kind.name().toLowerCase(Locale.ROOT),
                c.input(), c.output(), cost, latency, c.timeoutMs(), c.cost() == null ? 0 : c.cost().perToken());
    }

    @Override
    public boolean hasExtension(String extension) {
        return byId.containsKey(extension);
    }

    @Override
    public Optional<CapabilitySpec> find(String extension, String capability) {
        return Optional.ofNullable(byId.get(extension)).flatMap(m -> m.capability(capability).map(c -> spec(m, c)));
    }

    @Override
    public List<CapabilitySpec> offering(String capability, String kind) {
        List<CapabilitySpec> out = new ArrayList<>();
        for (ExtensionManifest m : manifests) {
            m.capability(capability).map(c -> spec(m, c)).filter(s -> kind == null || kind.equals(s.kind())).ifPresent(out::add);
        }
        return out;
    }
}
