package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A delegation token stands for one call to one callee while it runs: not another host's, not after it ended. */
class DelegationsTest {
    final Player a = new Player("dev.example.a", Path.of("a"), Player.Origin.INSTALLED);
    final Player b = new Player("dev.example.b", Path.of("b"), Player.Origin.INSTALLED);
    final Player c = new Player("dev.example.c", Path.of("c"), Player.Origin.INSTALLED);

    @Test
    void aTokenActsForItsCallersOnlyOnItsCalleeAndOnlyWhileTheCallRuns() {
        Delegations d = new Delegations();
        String ab = d.open(Acting.itself(a), b);
        assertEquals(List.of(a), d.resolve(b, ab).onBehalfOf());
        String bc = d.open(d.resolve(b, ab), c); // b, serving a, calls c: c acts for a and b
        assertEquals(List.of(a, b), d.resolve(c, bc).onBehalfOf());
        assertEquals(" on behalf of dev.example.a → dev.example.b", d.resolve(c, bc).behalf());
        assertEquals(ErrorCode.PERMISSION_DENIED, assertThrows(CallFailedException.class, () -> d.resolve(c, ab)).code(),
                "another host cannot use b's token");
        assertThrows(CallFailedException.class, () -> d.resolve(b, "0".repeat(32)), "a guessed token");
        d.close(ab);
        assertThrows(CallFailedException.class, () -> d.resolve(b, ab), "the call ended");
        assertTrue(d.resolve(b, null).onBehalfOf().isEmpty(), "no token: the host acts for itself");
        assertNotEquals(ab, bc);
    }
}
