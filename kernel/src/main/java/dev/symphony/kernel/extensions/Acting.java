package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.PermissionChecker;

import java.util.List;
import java.util.function.Predicate;

/**
 * Who a brokered request acts for: the host that sent it and, while it serves a call another extension made
 * through the kernel, that caller (and the caller's callers, outermost first). A request is allowed only when
 * every one of them may do it — the callee's permissions intersected with its callers' — so an extension cannot
 * borrow a dependency's permissions by calling it (no confused deputy).
 */
record Acting(Player host, List<Player> onBehalfOf) {
    static Acting itself(Player host) {
        return new Acting(host, List.of());
    }

    /** The first of host and callers whose permissions do not allow it, or null when all do. */
    Player refuser(Predicate<PermissionChecker> allowed) {
        if (!allowed.test(host.permissions)) {
            return host;
        }
        for (Player caller : onBehalfOf) {
            if (!allowed.test(caller.permissions)) {
                return caller;
            }
        }
        return null;
    }

    /** For the audit and error messages: "" for the host's own request, else " on behalf of A → B". */
    String behalf() {
        if (onBehalfOf.isEmpty()) {
            return "";
        }
        return " on behalf of " + String.join(" → ", onBehalfOf.stream().map(Player::id).toList());
    }

    /** Why {@code refuser} made the request fail: its manifest, and whose call it was serving. */
    String denial(Player refuser) {
        return refuser == host ? "the manifest of " + host.id()
                : "the manifest of " + refuser.id() + ", on whose behalf " + host.id() + " was acting";
    }
}
