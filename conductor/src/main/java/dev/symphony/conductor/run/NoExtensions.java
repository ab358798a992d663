package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.CapabilitySpec;
import java.time.Duration;

/**
 * No extensions' capabilities: for a run while no extension kernel is up (the workbench's, before it started) and for
 * tests whose Melodies call no extension. Extension references are not checked (there is nothing to check them
 * against) and a call fails saying why; built-in nodes run as usual.
 */
public final class NoExtensions implements Capabilities, CapabilityCatalog.Empty {
    public static final NoExtensions INSTANCE = new NoExtensions();

    private NoExtensions() {
    }

    @Override
    public JsonNode call(CapabilitySpec spec, JsonNode input, Duration timeout) {
        throw new IllegalStateException("the extension kernel is not running (yet), so " + spec.key()
                + " cannot be called; try again once the extensions have started");
    }
}
