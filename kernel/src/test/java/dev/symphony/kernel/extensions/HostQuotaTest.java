package dev.symphony.kernel.extensions;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** One host's share of the kernel: broker slots, and events by count and bytes, on a clock the test moves. */
class HostQuotaTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final HostQuota quota = new HostQuota("dev.example.flood", now::get);

    @Test
    void aHostHoldsAtMostItsBrokerSlots() {
        for (int i = 0; i < HostQuota.MAX_BROKER_REQUESTS; i++) {
            assertNull(quota.tryBroker());
        }
        String refused = quota.tryBroker();
        assertNotNull(refused, "one more than the limit is refused");
        assertTrue(refused.contains("dev.example.flood") && refused.contains(Integer.toString(HostQuota.MAX_BROKER_REQUESTS)), refused);
        quota.brokerDone();
        assertNull(quota.tryBroker(), "a finished request gives its slot back");
    }

    @Test
    void eventsOverTheQuotaAreDroppedAndCountedAndReportedOnceASecond() {
        int burst = HostQuota.EVENTS_PER_SECOND * HostQuota.BURST_SECONDS;
        int admitted = 0;
        for (int i = 0; i < 10 * burst; i++) {
            admitted += quota.admitEvent(10) ? 1 : 0;
        }
        assertEquals(burst, admitted, "a burst, then nothing while the clock stands still");
        assertEquals(9L * burst, quota.dropped());
        assertEquals(9L * burst, quota.droppedToReport());
        assertFalse(quota.admitEvent(10));
        assertEquals(0, quota.droppedToReport(), "at most one report a second");
        now.addAndGet(1_000_000_000L);
        assertEquals(1, quota.droppedToReport());
        for (int i = 0; i < 10 * burst; i++) {
            admitted += quota.admitEvent(10) ? 1 : 0;
        }
        assertEquals(burst + HostQuota.EVENTS_PER_SECOND, admitted, "a second refills a second's worth");
    }

    @Test
    void bytesCountToo() {
        long burstBytes = HostQuota.EVENT_BYTES_PER_SECOND * HostQuota.BURST_SECONDS;
        assertFalse(quota.admitEvent((int) burstBytes + 1), "one event larger than the byte burst never fits");
        assertTrue(quota.admitEvent((int) burstBytes / 2));
        assertTrue(quota.admitEvent((int) burstBytes / 2));
        assertFalse(quota.admitEvent(1000), "the bytes are spent although events are left");
    }

    @Test
    void requestsAreHeldToTheirBytesASecondAndTheLargestMessageAlwaysFitsTheBurst() {
        HostQuota small = new HostQuota("dev.example.flood", now::get, 1 << 20);
        int message = dev.symphony.ipc.api.MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH;
        assertNull(small.admitRequest(message), "a burst holds the largest message even when the rate is lower");
        String refused = small.admitRequest(1);
        assertNotNull(refused, "nothing left while the clock stands still");
        assertTrue(refused.contains("dev.example.flood") && refused.contains("1 MiB a second"), refused);
        assertEquals(1, small.refusedRequestsToReport());
        assertNotNull(small.admitRequest(1));
        assertEquals(0, small.refusedRequestsToReport(), "at most one report a second");
        now.addAndGet(1_000_000_000L);
        assertNull(small.admitRequest(1 << 20), "a second refills a second's worth");
        assertNotNull(small.admitRequest(1));
        assertEquals(2, small.refusedRequestsToReport());
    }
}
