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

/**
 * A catalog over extension manifests (what the kernel's registry holds, or manifests read from files). Lookups are
 * indexed when the catalog is made: a run asks for every worker node's providers (and the scheduling policy's first
 * decision for all of them), which scanning every manifest's capabilities made ~0.2 ms a lookup in a fresh JVM.
 */
public final class ManifestCatalog implements CapabilityCatalog {
    /** Per capability name, the first capability of that name of each manifest, in the manifests' order. */
    private final Map<String, List<CapabilitySpec>> byCapability = new HashMap<>();
    /** Per extension id (its first manifest) and capability name, that capability. */
    private final Map<String, Map<String, CapabilitySpec>> byExtension = new HashMap<>();

    public ManifestCatalog(List<ExtensionManifest> manifests) {
        for (ExtensionManifest m : manifests) {
            Map<String, CapabilitySpec> own = new HashMap<>();
            byExtension.putIfAbsent(m.id(), own); // the first manifest of an id is the extension; later ones still offer
            for (ExtensionManifest.Capability c : m.capabilities()) {
                if (!own.containsKey(c.name())) {
                    CapabilitySpec spec = spec(m, c);
                    own.put(c.name(), spec);
                    byCapability.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(spec);
                }
            }
        }
        byCapability.replaceAll((name, specs) -> List.copyOf(specs));
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
        return byExtension.containsKey(extension);
    }

    @Override
    public Optional<CapabilitySpec> find(String extension, String capability) {
        Map<String, CapabilitySpec> own = byExtension.get(extension);
        return Optional.ofNullable(own == null ? null : own.get(capability));
    }

    @Override
    public List<CapabilitySpec> offering(String capability, String kind) {
        List<CapabilitySpec> all = byCapability.getOrDefault(capability, List.of());
        if (kind == null) {
            return all;
        }
        List<CapabilitySpec> out = new ArrayList<>(all.size());
        for (CapabilitySpec s : all) {
            if (kind.equals(s.kind())) {
                out.add(s);
            }
        }
        return out;
    }
}
