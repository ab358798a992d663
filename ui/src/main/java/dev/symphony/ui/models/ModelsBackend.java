package dev.symphony.ui.models;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** What the Models page needs of the kernel, the secret store and the price table. Every method may block: call it off the JavaFX thread. */
public interface ModelsBackend {
    /** A model Instrument: its id, name, and the secret it asks for (null: none). */
    record Provider(String id, String displayName, String secretName) {
    }

    /** A model the roles may name: {@code INSTRUMENT/MODEL}, and its price ("local: free", "$0.15 / $0.60 per M tokens", "price unknown"). */
    record ModelChoice(String qualifiedId, String price) {
        @Override
        public String toString() {
            return qualifiedId + " — " + price;
        }
    }

    /** A model server found on this machine, and the settings that select it. */
    record LocalServer(String description, List<String[]> settings) {
    }

    List<Provider> providers();

    List<ModelChoice> models();

    /** Whether the store holds a value for {@code secretName} (the value is never read back to the page). */
    boolean hasKey(String secretName) throws Exception;

    /** Stores the key; the caller clears its copy. */
    void storeKey(String secretName, String value) throws Exception;

    /**
     * A short chat with {@code qualifiedId} ("hello", a few tokens); {@code progress} hears each step (starting the
     * host, the first token, …). Returns a one-line verdict; stops early, throwing, once {@code cancelled} is true.
     */
    String test(String qualifiedId, Consumer<String> progress, BooleanSupplier cancelled) throws Exception;

    /** The model servers answering on this machine (loopback only; the user pressed the button). */
    List<LocalServer> probe();
}
