package dev.symphony.ipc.api;

import dev.symphony.ipc.internal.QueuePair;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.posix.PosixAPI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ChronicleRuntimeTest {

    @Test
    void aChannelRunsOnTheNoOpPosixBindingAndStillCarriesMessages(@TempDir Path dir) {
        try (QueuePair kernel = new QueuePair(dir, true, RollCycles.FAST_HOURLY, 1 << 20);
             QueuePair host = new QueuePair(dir, false, RollCycles.FAST_HOURLY, 1 << 20)) {
            assertEquals("NoOpPosixAPI", PosixAPI.posix().getClass().getSimpleName(),
                    "the JNR binding costs ~150 ms of CPU per JVM and the bus never calls it");
            byte[] payload = {1, 2, 3};
            kernel.write(MessageType.REQUEST, 0, 42, 7, System.nanoTime(), payload, 0, payload.length);
            Envelope e = host.read();
            assertNotNull(e);
            assertEquals(42, e.correlationId());
        }
    }
}
