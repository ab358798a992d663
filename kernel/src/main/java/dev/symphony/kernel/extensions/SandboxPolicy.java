package dev.symphony.kernel.extensions;

/**
 * Whether a host may run, and how: the sandbox never disappears silently. Where an OS sandbox is usable
 * (bubblewrap on Linux) every host runs in it. Where none is (no bwrap, no user namespaces, macOS,
 * Windows, or forced by {@link Sandbox#FORCE_UNAVAILABLE_ENV}/{@link Sandbox#FORCE_UNAVAILABLE_PROPERTY}),
 * or the user turned it off ({@code -Dsymphony.sandbox=off}), only extensions bundled with Symphony (the
 * modules of this checkout, or the installed product's bundled folder) and those the user marked trusted ({@code symphony ext trust ID}, recorded in
 * the audit log) run — with a "not sandboxed" warning in {@code ext list}, the audit log and the host's
 * log; any other is refused with a message naming the fix. {@code require} refuses everything without a sandbox.
 */
public final class SandboxPolicy {
    /** How a host of one extension runs; {@code reason} explains a warning or refusal. */
    public record Decision(Kind kind, String reason) {
        public enum Kind { SANDBOXED, NOT_SANDBOXED, REFUSED }

        public boolean sandboxed() {
            return kind == Kind.SANDBOXED;
        }

        public boolean refused() {
            return kind == Kind.REFUSED;
        }

        /** What {@code ext list} shows: {@code bubblewrap}, {@code NOT SANDBOXED} or {@code refused}. */
        public String label() {
            return switch (kind) {
                case SANDBOXED -> "bubblewrap";
                case NOT_SANDBOXED -> "NOT SANDBOXED";
                case REFUSED -> "refused";
            };
        }
    }

    private SandboxPolicy() {
    }

    public static Decision decide(Player p, Sandbox.Mode mode, ExtensionStore store) {
        boolean usable = Sandbox.available();
        if (mode != Sandbox.Mode.OFF && usable) {
            return new Decision(Decision.Kind.SANDBOXED, "bubblewrap: no network, own /tmp and PID namespace, only its own folders writable"
                    + (Seccomp.file().isPresent() ? ", seccomp filter" : ", no seccomp filter (" + System.getProperty("os.arch") + ")"));
        }
        String why = mode == Sandbox.Mode.OFF ? "the sandbox is turned off (symphony.sandbox=off)" : Sandbox.unavailableReason();
        if (mode == Sandbox.Mode.REQUIRE) {
            return new Decision(Decision.Kind.REFUSED, p.id() + " cannot start: symphony.sandbox=require but " + why
                    + "; install bubblewrap (`apt install bubblewrap`)");
        }
        String trust = p.development() || p.origin() == Player.Origin.BUNDLED ? "bundled with Symphony" : trustedVersion(p, store) ? "marked trusted by the user" : null;
        if (trust != null) {
            return new Decision(Decision.Kind.NOT_SANDBOXED, "not sandboxed (" + trust + "): " + why
                    + "; it runs with your full rights and only its brokered requests are checked");
        }
        return new Decision(Decision.Kind.REFUSED, p.id() + " is not trusted and runs only inside an OS sandbox, but " + why
                + ". Install bubblewrap (`apt install bubblewrap`), or mark it trusted with `symphony ext trust " + p.id() + "`");
    }

    private static boolean trustedVersion(Player p, ExtensionStore store) {
        return p.manifest() != null && store.trusted(p.id()).filter(v -> v.equals(p.manifest().version())).isPresent();
    }
}
