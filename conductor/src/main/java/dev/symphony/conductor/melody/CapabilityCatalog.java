package dev.symphony.conductor.melody;

import java.util.List;
import java.util.Optional;

/**
 * The installed capabilities, for validation ("unknown extension") and for Maestro mode (who offers a
 * capability). The CLI builds one from the kernel's registry; tests from in-process Operators.
 */
public interface CapabilityCatalog {
    /** No registry available: extension references are not checked. */
    CapabilityCatalog NONE = new Empty() {
    };

    /**
     * Nothing installed and no registry to check against: {@link #NONE}, and the catalog half of the conductor's
     * {@code run.NoExtensions} (no capabilities to call either).
     */
    interface Empty extends CapabilityCatalog {
        @Override
        default boolean available() {
            return false;
        }

        @Override
        default Optional<CapabilitySpec> find(String extension, String capability) {
            return Optional.empty();
        }

        @Override
        default List<CapabilitySpec> offering(String capability, String kind) {
            return List.of();
        }

        @Override
        default boolean hasExtension(String extension) {
            return false;
        }
    }

    /** False when there is no registry to check against. */
    default boolean available() {
        return true;
    }

    boolean hasExtension(String extension);

    Optional<CapabilitySpec> find(String extension, String capability);

    /** Every extension offering {@code capability} (of {@code kind}, if not null), in a stable order. */
    List<CapabilitySpec> offering(String capability, String kind);
}
