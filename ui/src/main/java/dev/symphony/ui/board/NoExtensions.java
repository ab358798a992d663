package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.run.Capabilities;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The capabilities while the workbench's extension kernel is not up: none. Extension references are not checked
 * (there is nothing to check them against) and a call fails saying why; built-in nodes run as usual.
 */
final class NoExtensions implements Capabilities {
    static final NoExtensions INSTANCE = new NoExtensions();

    private NoExtensions() {
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public boolean hasExtension(String extension) {
        return false;
    }

    @Override
    public Optional<CapabilitySpec> find(String extension, String capability) {
        return Optional.empty();
    }

    @Override
    public List<CapabilitySpec> offering(String capability, String kind) {
        return List.of();
    }

    @Override
    public JsonNode call(CapabilitySpec spec, JsonNode input, Duration timeout) {
        throw new IllegalStateException("the extension kernel is not running (yet), so " + spec.key()
                + " cannot be called; try again once the extensions have started");
    }
}
