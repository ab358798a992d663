package dev.symphony.ipc;

import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.BusStatus;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.InboundHandler;
import dev.symphony.ipc.api.MessageHeaderDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A message over the bus limit fails that one call with TOO_LARGE, naming the peer and the limit, and leaves
 * nothing behind: before, the request was registered as pending and then the write threw, so the call's slot
 * leaked and the peer looked "silent with calls in flight" — the supervisor killed a healthy host as hung.
 */
class OversizedMessageTest {
    private static final int OVER = MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH + 1;

    @TempDir
    Path dir;

    /** Echoes; asked for "big", answers with more than the bus carries. */
    static final class Host implements InboundHandler {
        @Override
        public void onRequest(Endpoint endpoint, Envelope request) {
            byte[] answer = request.payloadText().equals("big") ? new byte[OVER] : request.payload();
            endpoint.respond(request.correlationId(), answer);
        }
    }

    @Test
    void anOversizedRequestFailsAloneAndLeavesNoPendingCall() {
        try (ChannelFixture f = new ChannelFixture(dir, (endpoint, request) -> { }, new Host())) {
            for (int i = 0; i < 6; i++) { // more than maxInFlight (4): a leaked slot per try would show as BUSY
                BusException e = assertThrows(BusException.class, () -> f.kernel.call(new byte[OVER], Duration.ofSeconds(5)));
                assertEquals(BusStatus.TOO_LARGE, e.status(), e.getMessage());
                assertTrue(e.getMessage().contains("test.ext") && e.getMessage().contains(Integer.toString(MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH)),
                        "the message names the peer and the limit: " + e.getMessage());
                assertEquals(0, f.kernel.pendingCalls(), "nothing pending after a refused request");
                assertEquals(0, f.kernel.silentNanos(System.nanoTime()), "the peer is not suspected of hanging");
            }
            assertThrows(BusException.class, () -> f.kernel.openStream(new byte[OVER], Duration.ofSeconds(5)));
            assertThrows(BusException.class, () -> f.kernel.sendEvent(new byte[OVER]));
            assertEquals(0, f.kernel.pendingCalls());
            assertEquals("ok", new String(f.kernel.call("ok".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)),
                    StandardCharsets.UTF_8), "the channel still works");
        }
    }

    @Test
    void anOversizedAnswerReachesTheCallerAsTooLarge() {
        try (ChannelFixture f = new ChannelFixture(dir, (endpoint, request) -> { }, new Host())) {
            BusException e = assertThrows(BusException.class,
                    () -> f.kernel.call("big".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)));
            assertEquals(BusStatus.TOO_LARGE, e.status(), e.getMessage());
            assertFalse(f.kernel.isClosed());
            assertEquals("ok", new String(f.kernel.call("ok".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)),
                    StandardCharsets.UTF_8));
        }
    }
}
