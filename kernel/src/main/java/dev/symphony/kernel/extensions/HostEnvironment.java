package dev.symphony.kernel.extensions;

import java.util.Map;
import java.util.Set;

/**
 * The environment an extension's processes get: cleared, then only variables on an allow-list copied
 * from the kernel's (the search path, locale and time zone: nothing that carries a secret), then what
 * the kernel itself sets (JVM flags' variables, the DJL cache). The IDE's environment holds API keys and
 * tokens; no host, and no program a host has the kernel run for it, sees them.
 */
final class HostEnvironment {
    /** Copied when set. {@code LC_*} variables are allowed by prefix. */
    static final Set<String> ALLOWED = Set.of("PATH", "LANG", "LANGUAGE", "TZ", "TMPDIR");

    private HostEnvironment() {
    }

    /** Replaces {@code target} (a {@link ProcessBuilder#environment()}) with the allowed part of {@code source}. */
    static void apply(Map<String, String> target, Map<String, String> source) {
        target.clear();
        source.forEach((k, v) -> {
            if (allowed(k)) {
                target.put(k, v);
            }
        });
    }

    static boolean allowed(String name) {
        return ALLOWED.contains(name) || name.startsWith("LC_");
    }
}
