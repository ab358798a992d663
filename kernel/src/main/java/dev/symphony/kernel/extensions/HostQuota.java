package dev.symphony.kernel.extensions;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * What one host may take from the kernel, so that a hostile or broken extension slows only itself:
 * <ul>
 *   <li>brokered requests running or queued at once ({@link #MAX_BROKER_REQUESTS} of the broker's shared
 *       threads); one more fails with BUSY, naming the extension and the limit;</li>
 *   <li>one-way events: a token bucket of {@link #EVENTS_PER_SECOND} events and {@link #EVENT_BYTES_PER_SECOND}
 *       bytes a second (a burst of {@link #BURST_SECONDS} seconds' worth); an event over the quota is dropped
 *       unread and counted, and the count is reported at most once a second ({@link #droppedToReport}).</li>
 *   <li>bytes of requests (brokered calls and streams) on the bus: a token bucket of {@link #REQUEST_BYTES_PER_SECOND}
 *       by default ({@link KernelContext#requestBytesPerSecond}; a burst of {@link #BURST_SECONDS} seconds' worth, and
 *       never less than the largest message); a request over it fails
 *       with LIMIT_EXCEEDED before it is decoded, naming the extension and the limit ({@link #admitRequest}).
 *       The count of requests is bound by the broker slots.</li>
 * </ul>
 * Events and requests are admitted on the bus pump thread only (no locking); broker slots from any thread.
 */
final class HostQuota {
    static final int MAX_BROKER_REQUESTS = 4;
    static final int EVENTS_PER_SECOND = 500;
    static final long EVENT_BYTES_PER_SECOND = 1L << 20;
    static final int BURST_SECONDS = 2;
    static final long REQUEST_BYTES_PER_SECOND = 32L << 20;
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;

    private final String extensionId;
    private final LongSupplier nanoClock;
    private final AtomicInteger brokerRequests = new AtomicInteger();
    private double eventTokens = EVENTS_PER_SECOND * (double) BURST_SECONDS;
    private double byteTokens = EVENT_BYTES_PER_SECOND * (double) BURST_SECONDS;
    private long last;
    private final long requestBytesPerSecond;
    private final double requestBurst;
    private double requestTokens;
    private long lastRequest;
    private long refusedRequests;
    private long refusedReported;
    private long lastRefusalReportNanos;
    private long dropped;
    private long droppedReported;
    private long lastReportNanos;

    HostQuota(String extensionId, LongSupplier nanoClock) {
        this(extensionId, nanoClock, REQUEST_BYTES_PER_SECOND);
    }

    HostQuota(String extensionId, LongSupplier nanoClock, long requestBytesPerSecond) {
        this.requestBytesPerSecond = requestBytesPerSecond;
        this.requestBurst = Math.max(requestBytesPerSecond * (double) BURST_SECONDS,
                dev.symphony.ipc.api.MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH);
        this.requestTokens = requestBurst;
        this.extensionId = extensionId;
        this.nanoClock = nanoClock;
        this.last = nanoClock.getAsLong();
        this.lastReportNanos = last - REPORT_INTERVAL_NANOS;
        this.lastRequest = last;
        this.lastRefusalReportNanos = lastReportNanos;
    }

    /**
     * Null when a request of {@code bytes} fits the host's bus bytes a second now (it is taken from them); else why not,
     * for the LIMIT_EXCEEDED error, and the refusal is counted.
     */
    String admitRequest(int bytes) {
        long now = nanoClock.getAsLong();
        requestTokens = Math.min(requestBurst, requestTokens + (now - lastRequest) / 1e9 * requestBytesPerSecond);
        lastRequest = now;
        if (requestTokens >= bytes) {
            requestTokens -= bytes;
            return null;
        }
        refusedRequests++;
        return extensionId + " sent more than its limit of " + describeRequestRate() + " of requests on the bus"
                + " (bursts of " + BURST_SECONDS + " s); this request of " + bytes + " bytes was refused, later ones are served"
                + " as the rate falls";
    }

    /** Requests refused over the byte rate since the last report, when there are some and a second has passed; else 0. */
    long refusedRequestsToReport() {
        long now = nanoClock.getAsLong();
        long unreported = refusedRequests - refusedReported;
        if (unreported == 0 || now - lastRefusalReportNanos < REPORT_INTERVAL_NANOS) {
            return 0;
        }
        refusedReported = refusedRequests;
        lastRefusalReportNanos = now;
        return unreported;
    }

    /** Takes a broker slot, or says (for the BUSY error) why not; {@link #brokerDone} gives it back. */
    String tryBroker() {
        if (brokerRequests.incrementAndGet() > MAX_BROKER_REQUESTS) {
            brokerRequests.decrementAndGet();
            return extensionId + " already has " + MAX_BROKER_REQUESTS + " brokered requests running, its limit; this one was refused";
        }
        return null;
    }

    void brokerDone() {
        brokerRequests.decrementAndGet();
    }

    /** Whether an event of {@code bytes} fits the quota now; one that does not is counted as dropped. */
    boolean admitEvent(int bytes) {
        long now = nanoClock.getAsLong();
        double seconds = (now - last) / 1e9;
        last = now;
        eventTokens = Math.min(EVENTS_PER_SECOND * (double) BURST_SECONDS, eventTokens + seconds * EVENTS_PER_SECOND);
        byteTokens = Math.min(EVENT_BYTES_PER_SECOND * (double) BURST_SECONDS, byteTokens + seconds * EVENT_BYTES_PER_SECOND);
        if (eventTokens >= 1 && byteTokens >= bytes) {
            eventTokens -= 1;
            byteTokens -= bytes;
            return true;
        }
        dropped++;
        return false;
    }

    /** Events dropped so far. */
    long dropped() {
        return dropped;
    }

    /** The events dropped since the last report, when there are some and a second has passed since it; else 0. */
    long droppedToReport() {
        long now = nanoClock.getAsLong();
        long unreported = dropped - droppedReported;
        if (unreported == 0 || now - lastReportNanos < REPORT_INTERVAL_NANOS) {
            return 0;
        }
        droppedReported = dropped;
        lastReportNanos = now;
        return unreported;
    }

    String describeRequestRate() {
        return requestBytesPerSecond % (1 << 20) == 0 ? (requestBytesPerSecond >> 20) + " MiB a second" : (requestBytesPerSecond >> 10) + " KiB a second";
    }

    String describe() {
        return EVENTS_PER_SECOND + " events and " + (EVENT_BYTES_PER_SECOND >> 10) + " KiB a second (bursts of "
                + BURST_SECONDS + " s)";
    }
}
