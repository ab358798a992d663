package dev.symphony.ipc.api;

import dev.symphony.ipc.internal.Doorbell;
import dev.symphony.ipc.internal.QueuePair;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One side of a channel between the kernel and one extension host: sends on its outbound queue,
 * reads its inbound queue and matches answers to requests by correlation id.
 * <p>
 * Threads: any thread may send. Reading the inbound queue ("pumping") is done by whoever holds the
 * pump lock: normally the {@link EndpointPump} agent, but a thread waiting for its own answer pumps
 * itself while it can take the lock, which saves the hand-off between threads on the hot path. A
 * handler that waits for an answer while it is being called from the pump (e.g. an extension's
 * brokered file read) keeps pumping answers; new requests and events that arrive meanwhile are
 * deferred until it returns, so handlers never nest.
 */
public final class Endpoint implements AutoCloseable {
    /**
     * A waiting caller spins, then yields, for a fixed wall time (not a count: interpreted, C1 and
     * C2 code spin at very different speeds) that outlasts the peer pump's longest park, so a
     * caller in a tight loop never parks while its answer is on the way. Parking hands delivery to
     * the pump agent, which naps while callers pump: a caller that parked too early makes the next
     * answer late, the peer backs off further, and the channel would settle in a slow mode.
     */
    private static final long SPIN_NANOS = 50_000;
    private static final long YIELD_NANOS = 1_000_000;
    private static final long MIN_WAITER_PARK_NANOS = 20_000;
    private static final long MAX_WAITER_PARK_NANOS = 1_000_000;

    private final EndpointContext context;
    private final QueuePair queues;
    private final Doorbell doorbell;
    private final long peerHash;
    private final InboundHandler handler;
    /** Asked before an event's payload is copied: a flood over its quota is dropped unread. */
    private final java.util.function.IntPredicate admitEvent;
    private final ReentrantLock pumpLock = new ReentrantLock();
    private final Object writeLock = new Object();
    private final AtomicLong nextCorrelationId = new AtomicLong();
    private final ConcurrentHashMap<Long, PendingCall> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, StreamWriter> streamWriters = new ConcurrentHashMap<>();
    private final Semaphore inFlight;
    private final ArrayDeque<Envelope> deferred = new ArrayDeque<>();
    private final long heartbeatIntervalNanos;
    private final java.util.concurrent.atomic.AtomicInteger spinningWaiters = new java.util.concurrent.atomic.AtomicInteger();
    private int dispatchDepth;
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile long lastSentNanos = System.nanoTime();
    /** When the latest call or stream was registered: silence counts from there, not from before it was sent. */
    private volatile long lastCallNanos = System.nanoTime();
    private volatile java.util.function.BooleanSupplier busy = () -> false;
    private static final long HEARTBEAT_LINGER_NANOS = 1_000_000_000L;
    private volatile BusException closedCause;
    private volatile boolean queuesClosed;

    Endpoint(EndpointContext context, Doorbell doorbell) {
        this.context = context;
        this.doorbell = doorbell;
        this.queues = new QueuePair(context.channelDir(), context.kernelSide(), context.rollCycle(), context.blockSize());
        this.peerHash = PeerIds.hash(context.peerName());
        this.handler = context.handler();
        this.admitEvent = length -> handler.admitEvent(this, length);
        this.inFlight = new Semaphore(context.maxInFlight());
        this.heartbeatIntervalNanos = context.heartbeatInterval().toNanos();
    }

    public String peerName() {
        return context.peerName();
    }

    // ---------------------------------------------------------------- requests and streams

    /** Sends a request and waits for its response payload; throws {@link BusException}. */
    public byte[] call(byte[] payload, Duration timeout) {
        checkSize(payload);
        long deadline = System.nanoTime() + timeout.toNanos();
        UnaryCall call = new UnaryCall(register(deadline));
        pending.put(call.correlationId, call);
        sendOrForget(call, MessageType.REQUEST, 0, payload);
        await(call, deadline);
        Envelope response = call.response;
        if (response != null) {
            return response.payload();
        }
        throw call.failure;
    }

    /** Starts a stream; each chunk must arrive within {@code idleTimeout} of the previous one. */
    public StreamCall openStream(byte[] payload, Duration idleTimeout) {
        checkSize(payload);
        long deadline = System.nanoTime() + idleTimeout.toNanos();
        StreamCall stream = new StreamCall(this, register(deadline), context.streamWindow(), idleTimeout);
        pending.put(stream.correlationId, stream);
        sendOrForget(stream, MessageType.STREAM_REQUEST, context.streamWindow(), payload);
        return stream;
    }

    /**
     * A payload the protocol cannot carry is refused here, before a call is registered: nothing is pending
     * afterwards, so the peer is never suspected of hanging over a request it was never sent.
     */
    private void checkSize(byte[] payload) {
        if (payload.length > MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH) {
            throw new BusException(BusStatus.TOO_LARGE, "a message of " + payload.length + " bytes to "
                    + context.peerName() + " exceeds the bus limit of " + MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH + " bytes");
        }
    }

    /** Sends a call's request; if sending fails the call is forgotten (its slot freed) before the failure goes on. */
    private void sendOrForget(PendingCall call, MessageType type, int flags, byte[] payload) {
        try {
            send(type, flags, call.correlationId, payload);
        } catch (RuntimeException | Error e) {
            finished(call);
            throw e;
        }
    }

    /** One-way message; nothing comes back. */
    public void sendEvent(byte[] payload) {
        checkOpen();
        checkSize(payload);
        send(MessageType.EVENT, 0, 0, payload);
    }

    /** A call slot (waiting for one until {@code deadline}) and the new call's correlation id. */
    private long register(long deadline) {
        checkOpen();
        try {
            long waitNanos = Math.max(0, deadline - System.nanoTime());
            if (!inFlight.tryAcquire(waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                throw new BusException(BusStatus.BUSY,
                        context.maxInFlight() + " calls already in flight to " + context.peerName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusException(BusStatus.CANCELLED, "interrupted while waiting for a call slot");
        }
        lastCallNanos = System.nanoTime(); // before the call is pending: see silentNanos
        return nextCorrelationId.incrementAndGet();
    }

    private void finished(PendingCall call) {
        if (pending.remove(call.correlationId, call)) {
            inFlight.release();
        }
    }

    /** Waits until the call has something for the caller, pumping the inbound queue while it can. */
    void await(PendingCall call, long deadline) {
        call.waiter = Thread.currentThread();
        boolean[] spinning = {true};
        spinningWaiters.incrementAndGet();
        try {
            awaitLoop(call, deadline, spinning);
        } catch (RuntimeException | Error failure) {
            finished(call); // whatever escaped the caller's pumping, the call's in-flight slot is not leaked
            throw failure;
        } finally {
            call.waiter = null;
            if (spinning[0]) {
                spinningWaiters.decrementAndGet();
            }
        }
        if (call.failure != null || call instanceof UnaryCall) {
            finished(call);
        }
    }

    /** Spins (pumping when it can), then yields, then parks: from then on the pump agent delivers and unparks. */
    private void awaitLoop(PendingCall call, long deadline, boolean[] spinning) {
        long idleSince = System.nanoTime();
        long parkNanos = 0;
        while (!call.ready()) {
            int work = 0;
            if (pumpLock.tryLock()) {
                try {
                    work = pump(64);
                } finally {
                    pumpLock.unlock();
                }
                if (call.ready()) {
                    break;
                }
            }
            long now = System.nanoTime();
            if (!context.kernelSide()) {
                // a host's handler waiting on the kernel (a brokered request made on the bus thread) holds up the pump
                // that sends the heartbeats: the waiter sends them, or the kernel calls the host hung while it is the
                // kernel that owes the answer
                heartbeatIfDue(now);
            }
            if (now - deadline >= 0) {
                call.fail(new BusException(BusStatus.TIMEOUT, "no answer from " + context.peerName()
                        + " within the timeout (correlation id " + call.correlationId + ")"));
                cancel(call);
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                // the waiter was told to stop (a host's worker whose call the kernel cancelled): the peer hears it now,
                // not when the answer comes; the flag stays set for the caller (and parkNanos would no longer park)
                call.fail(new BusException(BusStatus.CANCELLED, "interrupted while waiting for " + context.peerName()
                        + " (correlation id " + call.correlationId + ")"));
                cancel(call);
                break;
            }
            long idle = now - idleSince;
            if (work > 0) {
                idleSince = now;
            } else if (idle < SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (idle < YIELD_NANOS) {
                Thread.yield();
            } else {
                if (spinning[0]) {
                    spinning[0] = false;
                    spinningWaiters.decrementAndGet();
                }
                parkNanos = Math.min(Math.max(MIN_WAITER_PARK_NANOS, parkNanos * 2), MAX_WAITER_PARK_NANOS);
                LockSupport.parkNanos(this, Math.min(parkNanos, deadline - now));
            }
        }
    }

    /** Gives up on a call: tells the peer, and frees its in-flight slot. */
    void cancel(PendingCall call) {
        finished(call);
        if (closedCause == null) {
            send(MessageType.CANCEL, 0, call.correlationId, EMPTY);
        }
    }

    void sendCredit(long correlationId, int credits) {
        send(MessageType.CREDIT, 0, correlationId, ByteBuffer.allocate(4).putInt(credits).array());
    }

    // ---------------------------------------------------------------- answering the peer

    /** Answers a request; an answer over the bus limit is sent as a {@link BusStatus#TOO_LARGE} error instead. */
    public void respond(long correlationId, byte[] payload) {
        if (payload.length > MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH) {
            respondError(correlationId, BusStatus.TOO_LARGE, "an answer of " + payload.length + " bytes exceeds the bus limit of "
                    + MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH + " bytes");
            return;
        }
        send(MessageType.RESPONSE, 0, correlationId, payload);
    }

    public void respondError(long correlationId, int status, String message) {
        send(MessageType.ERROR, status, correlationId, message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The writer for answering a {@link MessageType#STREAM_REQUEST}; its window is the one the requester offered. */
    public StreamWriter streamWriter(Envelope request) {
        StreamWriter writer = new StreamWriter(this, request.correlationId(), Math.max(1, request.flags()));
        streamWriters.put(request.correlationId(), writer);
        return writer;
    }

    void removeStreamWriter(long correlationId) {
        streamWriters.remove(correlationId);
    }

    public void sendHello(byte[] payload) {
        send(MessageType.HELLO, 0, 0, payload);
    }

    public void sendShutdown() {
        send(MessageType.SHUTDOWN, 0, 0, EMPTY);
    }

    /**
     * Sends a heartbeat when nothing else was sent for a heartbeat interval, while heartbeats are
     * {@linkplain #heartbeatsWanted wanted}.
     */
    public void heartbeatIfDue(long nowNanos) {
        if (closedCause == null && nowNanos - lastSentNanos >= heartbeatIntervalNanos && heartbeatsWanted(nowNanos)) {
            send(MessageType.HEARTBEAT, 0, 0, EMPTY);
        }
    }

    /**
     * Heartbeats matter only while the peer waits for something from this side: for a second after
     * the peer's last message, or while {@code busy} (e.g. work on other threads) says so. An idle
     * host therefore goes quiet and costs no wakeups; the kernel only calls a silent host hung
     * while calls to it are in flight (see {@link #silentNanos}).
     */
    public boolean heartbeatsWanted(long nowNanos) {
        return nowNanos - lastInboundNanos < HEARTBEAT_LINGER_NANOS || busy.getAsBoolean();
    }

    public void busyWhen(java.util.function.BooleanSupplier busy) {
        this.busy = busy;
    }

    /**
     * How long the peer has been silent while calls to it are in flight (0 when none are): the
     * time since the latest of its last message, this side's last message to it and the latest call's
     * start — a call is pending a moment before its request is written, and a peer idle until then is
     * not silent over it ({@code IdlePeerCallTest}).
     */
    public long silentNanos(long nowNanos) {
        return pending.isEmpty() ? 0 : nowNanos - Math.max(lastCallNanos, Math.max(lastInboundNanos, lastSentNanos));
    }

    public long heartbeatIntervalMillis() {
        return heartbeatIntervalNanos / 1_000_000;
    }

    void send(MessageType type, int flags, long correlationId, byte[] payload) {
        long now = System.nanoTime();
        synchronized (writeLock) {
            if (queuesClosed) {
                return; // queues are closed; the message has nowhere to go
            }
            queues.write(type, flags, correlationId, peerHash, now, payload, 0, payload.length);
        }
        lastSentNanos = now;
        doorbell.ringIfSleeping();
    }

    // ---------------------------------------------------------------- pumping

    /** Reads and dispatches up to {@code limit} inbound messages if no other thread is pumping. */
    public int doWork(int limit) {
        if (spinningWaiters.get() > 0 || !pumpLock.tryLock()) {
            return 0;
        }
        try {
            return pump(limit);
        } finally {
            pumpLock.unlock();
        }
    }

    /** True while some thread other than the caller pumps this endpoint. */
    public boolean pumpedElsewhere() {
        return spinningWaiters.get() > 0 || (pumpLock.isLocked() && !pumpLock.isHeldByCurrentThread());
    }

    private int pump(int limit) {
        int work = 0;
        if (dispatchDepth == 0) {
            Envelope e;
            while (work < limit && (e = deferred.poll()) != null) {
                if (!dispatchSafely(e)) {
                    return work;
                }
                work++;
            }
        }
        while (work < limit && !queuesClosed && closedCause == null) {
            Envelope e;
            try {
                e = queues.read(admitEvent);
            } catch (RuntimeException unreadable) {
                protocolViolation("an unreadable frame", unreadable);
                return work;
            }
            if (e == null) {
                break;
            }
            lastInboundNanos = System.nanoTime();
            if (e == MessageHeaderDescriptor.DROPPED_EVENT) {
                work++;
                continue;
            }
            if (!dispatchSafely(e)) {
                return work;
            }
            work++;
        }
        return work;
    }

    /** Dispatches one frame; a frame that cannot be handled (a bad payload for its type) breaks the channel, not the pump. */
    private boolean dispatchSafely(Envelope e) {
        try {
            dispatch(e);
            return true;
        } catch (RuntimeException malformed) {
            protocolViolation("a malformed " + e.type() + " frame", malformed);
            return false;
        }
    }

    /**
     * The peer sent what the protocol does not allow: every call in flight fails with {@link BusStatus#MALFORMED}
     * (their slots freed), the channel counts as closed, and the handler hears that the peer is gone — the same
     * path as a peer that exited (the kernel restarts a host by its policy). Nothing is thrown into the pump.
     */
    private void protocolViolation(String what, RuntimeException cause) {
        fail(new BusException(BusStatus.MALFORMED, "channel to " + context.peerName() + " broken: the peer sent " + what
                + " (" + cause.getMessage() + ")"));
        handler.onPeerClosed(this);
    }

    private void dispatch(Envelope e) {
        switch (e.type()) {
            case RESPONSE, ERROR, STREAM_CHUNK, STREAM_END -> {
                PendingCall call = pending.get(e.correlationId());
                if (call != null && call.onMessage(e)) {
                    if (call instanceof StreamCall) {
                        finished(call);
                    }
                }
            }
            case CREDIT -> {
                if (e.payload().length != 4) {
                    throw new IllegalArgumentException("a credit frame carries 4 bytes, this one " + e.payload().length);
                }
                StreamWriter writer = streamWriters.get(e.correlationId());
                if (writer != null) {
                    writer.addCredits(ByteBuffer.wrap(e.payload()).getInt());
                }
            }
            case CANCEL -> {
                StreamWriter writer = streamWriters.remove(e.correlationId());
                if (writer != null) {
                    writer.cancel();
                }
                handler.onCancel(this, e.correlationId());
            }
            case HEARTBEAT -> {
                // lastInboundNanos already moved
            }
            case HELLO -> handler.onHello(this, e);
            case SHUTDOWN -> handler.onShutdown(this);
            case REQUEST, STREAM_REQUEST, EVENT -> {
                if (dispatchDepth > 0) {
                    deferred.add(e);
                    return;
                }
                dispatchDepth++;
                try {
                    deliver(e);
                } finally {
                    dispatchDepth--;
                }
            }
            default -> throw new IllegalStateException("unexpected " + e.type());
        }
    }

    private void deliver(Envelope e) {
        try {
            switch (e.type()) {
                case REQUEST -> handler.onRequest(this, e);
                case STREAM_REQUEST -> handler.onStreamRequest(this, e);
                default -> handler.onEvent(this, e);
            }
        } catch (RuntimeException | Error failure) {
            if (e.type() != MessageType.EVENT && closedCause == null) {
                respondError(e.correlationId(), BusStatus.HANDLER_FAILED, String.valueOf(failure));
            }
            if (failure instanceof VirtualMachineError) {
                throw failure;
            }
        }
    }

    // ---------------------------------------------------------------- sleeping and liveness

    public Doorbell doorbell() {
        return doorbell;
    }

    /** System.nanoTime of the last message read from the peer (heartbeats included). */
    public long lastInboundNanos() {
        return lastInboundNanos;
    }

    public int pendingCalls() {
        return pending.size();
    }

    public int deletedQueueFiles() {
        return queues.deletedCycles();
    }

    /** Called when the doorbell reports end of stream: the peer process is gone. */
    void peerClosed() {
        fail(new BusException(BusStatus.PEER_EXITED, "the peer of channel " + context.peerName() + " exited"));
        handler.onPeerClosed(this);
    }

    /** Fails every call in flight with {@code cause}; later calls fail at once with it. */
    public void fail(BusException cause) {
        if (closedCause == null) {
            closedCause = cause;
        }
        for (PendingCall call : pending.values()) {
            call.fail(cause);
            finished(call);
        }
        for (StreamWriter writer : streamWriters.values()) {
            writer.cancel();
        }
    }

    public boolean isClosed() {
        return closedCause != null;
    }

    private void checkOpen() {
        BusException cause = closedCause;
        if (cause != null) {
            throw new BusException(cause.status(), cause.getMessage());
        }
    }

    @Override
    public void close() {
        fail(new BusException(BusStatus.CLOSED, "channel to " + context.peerName() + " closed"));
        pumpLock.lock();
        try {
            synchronized (writeLock) {
                queuesClosed = true;
                doorbell.close();
                queues.close();
            }
        } finally {
            pumpLock.unlock();
        }
    }

    private static final byte[] EMPTY = new byte[0];
}
