package dev.symphony.ipc.api;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The receiving side of a stream: chunks in order, then the end. At most {@code window} chunks are
 * ever buffered here, because the sender may only send what this side has credited; taking half a
 * window's worth of chunks sends the sender more credit. A slow consumer therefore slows the
 * producer instead of filling this JVM's heap.
 */
public final class StreamCall extends PendingCall implements AutoCloseable {
    private final Endpoint endpoint;
    private final ArrayBlockingQueue<Envelope> chunks;
    private final int window;
    private final long idleTimeoutNanos;
    private int consumedSinceCredit;
    private volatile Envelope end;
    private boolean finished;
    /** Closed by the consumer, possibly from another thread while {@link #next()} waits: that wait ends at once. */
    private volatile boolean closed;
    /** Closed before its end: {@link #next()}'s null then means "stopped", not "complete". */
    private volatile boolean cancelled;
    /** {@link System#nanoTime()} stamps of the first chunk (0 until then): sent by the peer (its header), read here, taken. */
    private volatile long firstSentNanos;
    private volatile long firstReadNanos;
    private volatile long firstTakenNanos;

    StreamCall(Endpoint endpoint, long correlationId, int window, Duration idleTimeout) {
        super(correlationId);
        this.endpoint = endpoint;
        this.window = window;
        this.chunks = new ArrayBlockingQueue<>(window + 1);
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    @Override
    boolean onMessage(Envelope envelope) {
        switch (envelope.type()) {
            case STREAM_CHUNK -> {
                if (firstReadNanos == 0) {
                    firstSentNanos = envelope.sentNanos();
                    firstReadNanos = System.nanoTime();
                }
                if (!chunks.offer(envelope)) {
                    fail(new BusException(BusStatus.HANDLER_FAILED, "stream sender ignored flow control"));
                    return true;
                }
                wake();
                return false;
            }
            case STREAM_END -> {
                end = envelope;
                wake();
                return true;
            }
            case ERROR -> {
                fail(remoteError(envelope));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    boolean ready() {
        return !chunks.isEmpty() || end != null || failure != null || closed;
    }

    /**
     * The next chunk's payload, or null after the last one (then {@link #endPayload()} holds the
     * sender's final message). Waits at most the idle timeout for each chunk.
     */
    public byte[] next() {
        if (finished || closed) {
            return null;
        }
        Envelope chunk = chunks.poll();
        if (chunk == null) {
            endpoint.await(this, System.nanoTime() + idleTimeoutNanos);
            if (closed) {
                return null;
            }
            chunk = chunks.poll();
        }
        if (chunk != null) {
            if (firstTakenNanos == 0) {
                firstTakenNanos = System.nanoTime();
            }
            if (++consumedSinceCredit >= window / 2) {
                endpoint.sendCredit(correlationId, consumedSinceCredit);
                consumedSinceCredit = 0;
            }
            return chunk.payload();
        }
        if (failure != null) {
            finished = true;
            throw failure;
        }
        finished = true;
        return null;
    }

    /** The payload of the end message (e.g. token counts), or null before the end. */
    public byte[] endPayload() {
        Envelope e = end;
        return e == null ? null : e.payload();
    }

    /** True when {@link #close()} stopped the stream before its end (a null from {@link #next()} is then no end). */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Where the first chunk's time went, as {@link System#nanoTime()} stamps (the system-wide monotonic clock, so the
     * peer's stamp compares with this process's): {@code [sent by the peer, read off the queue here, taken by the
     * consumer]}, zeros until it came. Three stamps per stream, for benchmarks' latency splits.
     */
    public long[] firstChunkNanos() {
        return new long[] {firstSentNanos, firstReadNanos, firstTakenNanos};
    }

    public long correlationId() {
        return correlationId;
    }

    /** Stops the stream: the sender is told to cancel and late chunks are dropped. */
    @Override
    public void close() {
        if (!closed && !finished) {
            cancelled = true;
            closed = true;
            endpoint.cancel(this);
        }
        closed = true;
        wake(); // a next() waiting on another thread returns null now, not after the idle timeout
    }
}
