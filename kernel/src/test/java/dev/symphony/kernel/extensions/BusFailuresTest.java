package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.BusStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The transport's own failures read as the contract's codes of the same meaning (the numbers are shared on purpose). */
class BusFailuresTest {
    @Test
    void everyTransportStatusMeansTheMatchingErrorCode() {
        Map<Integer, ErrorCode> meaning = Map.of(BusStatus.HANDLER_FAILED, ErrorCode.EXTENSION_ERROR,
                BusStatus.MALFORMED, ErrorCode.INVALID_INPUT, BusStatus.TIMEOUT, ErrorCode.TIMEOUT,
                BusStatus.PEER_EXITED, ErrorCode.CRASHED, BusStatus.CANCELLED, ErrorCode.CANCELLED,
                BusStatus.BUSY, ErrorCode.BUSY, BusStatus.NO_HANDLER, ErrorCode.UNKNOWN_CAPABILITY,
                BusStatus.CLOSED, ErrorCode.CLOSED);
        meaning.forEach((status, code) -> {
            BusException bus = new BusException(status, "status " + status);
            CallFailedException e = assertThrows(CallFailedException.class, () -> BusFailures.onBus(() -> {
                throw bus;
            }));
            assertEquals(code, e.code(), "bus status " + status);
            assertEquals("status " + status, e.getMessage());
            assertSame(bus, e.getCause());
        });
    }
}
