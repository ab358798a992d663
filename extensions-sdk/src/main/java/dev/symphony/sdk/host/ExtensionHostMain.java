package dev.symphony.sdk.host;

import dev.symphony.sdk.internal.HostRuntime;

/**
 * The extension host program's main class, the one name the kernel's supervisor starts
 * ({@code kernel}'s {@code HostClasspath.MAIN_CLASS}); the runtime behind it is the SDK's own
 * ({@link HostRuntime}, arguments documented there).
 */
public final class ExtensionHostMain {
    private ExtensionHostMain() {
    }

    public static void main(String[] args) throws Exception {
        HostRuntime.run(args);
    }
}
