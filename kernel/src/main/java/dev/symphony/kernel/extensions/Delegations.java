package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inter-extension calls in flight, by the unguessable token the kernel sends with each ({@code
 * Invoke.onBehalfOf}). The callee's host stamps the token on the brokered requests it makes while serving the
 * call; {@link #resolve} turns it back into who the request acts for. A token is valid only on the callee's own
 * channel and only while its call runs.
 */
final class Delegations {
    private record Delegation(Player callee, List<Player> callers) {
    }

    private final ConcurrentHashMap<String, Delegation> inFlight = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Opens a delegation: {@code caller} (itself acting as {@code callerActing}) calls {@code callee}. */
    String open(Acting callerActing, Player callee) {
        List<Player> callers = new ArrayList<>(callerActing.onBehalfOf());
        callers.add(callerActing.host());
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        inFlight.put(token, new Delegation(callee, List.copyOf(callers)));
        return token;
    }

    void close(String token) {
        inFlight.remove(token);
    }

    /** Who a request from {@code host} carrying {@code token} acts for; refused when the token is not a call to it in flight. */
    Acting resolve(Player host, String token) {
        if (token == null) {
            return Acting.itself(host);
        }
        Delegation d = inFlight.get(token);
        if (d == null || d.callee() != host) {
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, host.id()
                    + " made a request for a call from another extension that is not in flight (it ended, or was never made to "
                    + host.id() + ")");
        }
        return new Acting(host, d.callers());
    }
}
