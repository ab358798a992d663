package dev.symphony.sdk.internal;

/**
 * The inter-extension call a thread is serving, as the kernel's token ({@code Invoke.onBehalfOf}): the host's
 * broker stamps it on every brokered request, so the kernel checks them against the calling extension's
 * permissions as well (no confused deputy). Threads a capability starts while serving such a call inherit it;
 * once the call has ended the kernel refuses requests carrying its token.
 */
final class CallerScope {
    private static final InheritableThreadLocal<String> TOKEN = new InheritableThreadLocal<>();

    private CallerScope() {
    }

    static String current() {
        return TOKEN.get();
    }

    /** Sets the token for the current thread (null: a call from the kernel itself); returns the previous one. */
    static String enter(String token) {
        String previous = TOKEN.get();
        TOKEN.set(token);
        return previous;
    }

    static void leave(String previous) {
        TOKEN.set(previous);
    }
}
