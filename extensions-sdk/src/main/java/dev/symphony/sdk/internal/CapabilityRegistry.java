package dev.symphony.sdk.internal;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.sdk.api.Addon;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.api.Operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The implementations an extension registered, checked against its manifest's capabilities. */
public final class CapabilityRegistry implements Capabilities {
    private final Map<String, Object> implementations = new LinkedHashMap<>();

    @Override
    public Capabilities operator(String name, Operator operator) {
        return put(name, operator);
    }

    @Override
    public Capabilities instrument(String name, Instrument instrument) {
        return put(name, instrument);
    }

    @Override
    public Capabilities addon(String name, Addon addon) {
        return put(name, addon);
    }

    private Capabilities put(String name, Object implementation) {
        Objects.requireNonNull(implementation, name);
        if (implementations.putIfAbsent(name, implementation) != null) {
            throw new IllegalStateException("capability '" + name + "' registered twice");
        }
        return this;
    }

    /** Every declared capability has an implementation of the declared kind, and nothing else is registered. */
    public void verify(ExtensionManifest manifest) {
        var declared = new TreeSet<String>();
        for (ExtensionManifest.Capability c : manifest.capabilities()) {
            declared.add(c.name());
            Object impl = implementations.get(c.name());
            if (impl == null) {
                throw new IllegalStateException("capability '" + c.name() + "' is declared in the manifest but "
                        + manifest.entryClass() + " did not register it");
            }
            Class<?> expected = switch (c.kind()) {
                case OPERATOR -> Operator.class;
                case INSTRUMENT -> Instrument.class;
                case ADDON -> Addon.class;
            };
            if (!expected.isInstance(impl)) {
                throw new IllegalStateException("capability '" + c.name() + "' is declared as " + c.kind()
                        + " but registered as " + impl.getClass().getName());
            }
        }
        for (String name : implementations.keySet()) {
            if (!declared.contains(name)) {
                throw new IllegalStateException("capability '" + name + "' is registered but not declared in the manifest");
            }
        }
    }

    public Object get(String name) {
        return implementations.get(name);
    }
}
