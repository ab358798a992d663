package dev.symphony.kernel.secrets;

import dev.symphony.kernel.paths.SymphonyPaths;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the kernel finds a secret's value for the HTTP broker: the user's secret store first, then, for the
 * well-known API key names only ({@link #ENVIRONMENT_NAMES}), the kernel's own environment — which hosts never
 * inherit (their environment is cleared). The value goes into one outgoing header and nowhere else.
 */
public final class KernelSecrets {
    /** Environment variables the kernel reads as secrets of the same name, when the store has none. */
    public static final Set<String> ENVIRONMENT_NAMES = Set.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY");

    private final Supplier<SecretStore> store;
    private final Map<String, String> environment;
    private volatile SecretStore opened;

    public KernelSecrets(Supplier<SecretStore> store, Map<String, String> environment) {
        this.store = store;
        this.environment = environment;
    }

    /** The user's store (keychain or encrypted file; unlocked by {@value Passphrase#ENV} only) and this process's environment. */
    public static KernelSecrets standard(SymphonyPaths paths) {
        return new KernelSecrets(() -> SecretStores.open(paths, Passphrase::fromEnvironment), System.getenv());
    }

    /** The encrypted file the store uses where no OS keychain is usable. */
    public static Path fileUnder(SymphonyPaths paths) {
        return paths.configDir().resolve("secrets").resolve("secrets.enc");
    }

    /** The value, or empty when neither the store nor (for the well-known names) the environment has it. */
    public Optional<String> value(String name) throws SecretStoreException {
        SecretStore s = opened;
        if (s == null) {
            s = store.get();
            opened = s;
        }
        SecretStoreException locked = null;
        try {
            Optional<String> v = s.get(name);
            if (v.isPresent()) {
                return v;
            }
        } catch (SecretStoreException e) {
            locked = e;
        }
        if (ENVIRONMENT_NAMES.contains(name)) {
            String env = environment.get(name);
            if (env != null && !env.isEmpty()) {
                return Optional.of(env);
            }
        }
        if (locked != null) {
            throw locked;
        }
        return Optional.empty();
    }
}
