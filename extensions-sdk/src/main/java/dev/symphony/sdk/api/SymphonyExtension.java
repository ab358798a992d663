package dev.symphony.sdk.api;

/**
 * The class named by the manifest's {@code entryClass}: public, with a public no-argument
 * constructor. The host instantiates it inside the plugin's class loader and asks it to register
 * one implementation for every capability the manifest declares (and no others).
 */
public interface SymphonyExtension {
    void register(Capabilities capabilities);

    /** Called once after registration, before the first call; heavy loading belongs here or in a lazy holder. */
    default void activate(ExtensionContext context) {
    }

    /** Called when the extension is disabled or the host shuts down. */
    default void deactivate() {
    }
}
