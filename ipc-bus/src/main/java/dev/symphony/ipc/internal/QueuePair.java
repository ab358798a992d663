package dev.symphony.ipc.internal;

import dev.symphony.ipc.api.ChronicleRuntime;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.MessageHeaderDescriptor;
import dev.symphony.ipc.api.MessageType;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The two Chronicle queues of one channel: {@code to-host} (written by the kernel) and
 * {@code to-kernel} (written by the host). This side appends to one and tails the other.
 * <p>
 * Retention: the queues are transport, not storage. The reader of a queue deletes a cycle file as
 * soon as its tailer has moved past it (the writer rolled first, so nobody needs it any more); the
 * whole channel folder is deleted when the channel closes. Chronicle reports a released file on its own
 * releaser thread, sometimes before the tailer's cycle has moved on: the file is noted there and deleted
 * by the reading thread, on a later read, once the tailer is past its cycle.
 * <p>
 * Not thread-safe: {@link #write} must be called under the endpoint's write lock and {@link #read}
 * by the thread holding its pump lock (hence the single-threaded checks are switched off).
 */
public final class QueuePair implements AutoCloseable {
    static {
        ChronicleRuntime.configure(); // before Chronicle Core initialises
    }

    public static final String TO_HOST = "to-host";
    public static final String TO_KERNEL = "to-kernel";

    private final ChronicleQueue outbound;
    private final ChronicleQueue inbound;
    private final ExcerptAppender appender;
    private final ExcerptTailer tailer;
    private volatile int deletedCycles;
    private final ConcurrentLinkedQueue<Released> released = new ConcurrentLinkedQueue<>();

    private record Released(int cycle, File file) {
    }

    public QueuePair(Path channelDir, boolean kernelSide, RollCycle rollCycle, long blockSize) {
        Path out = channelDir.resolve(kernelSide ? TO_HOST : TO_KERNEL);
        Path in = channelDir.resolve(kernelSide ? TO_KERNEL : TO_HOST);
        this.outbound = SingleChronicleQueueBuilder.binary(out).rollCycle(rollCycle).blockSize(blockSize).build();
        this.inbound = SingleChronicleQueueBuilder.binary(in).rollCycle(rollCycle).blockSize(blockSize)
                .storeFileListener(this::onInboundReleased).build();
        this.appender = outbound.createAppender();
        this.appender.singleThreadedCheckDisabled(true);
        this.tailer = inbound.createTailer();
        this.tailer.singleThreadedCheckDisabled(true);
    }

    private void onInboundReleased(int cycle, File file) {
        released.add(new Released(cycle, file));
    }

    /** On the reading thread: deletes the released files whose cycle the tailer has left. */
    private void deleteReleased() {
        int current = tailer.cycle();
        for (Iterator<Released> it = released.iterator(); it.hasNext(); ) {
            Released r = it.next();
            if (r.cycle() < current) {
                it.remove();
                if (r.file().delete()) {
                    deletedCycles++;
                }
            }
        }
    }

    public void write(MessageType type, int flags, long correlationId, long peerHash, long sentNanos,
                      byte[] payload, int offset, int length) {
        try (DocumentContext dc = appender.writingDocument()) {
            MessageHeaderDescriptor.write(dc.wire().bytes(), type, flags, correlationId, peerHash, sentNanos,
                    payload, offset, length);
        }
    }

    /** The next inbound message, or null when there is none yet. */
    public Envelope read() {
        return read(length -> true);
    }

    /** The same, with events {@code admitEvent} refuses dropped unread ({@link MessageHeaderDescriptor#DROPPED_EVENT}). */
    public Envelope read(java.util.function.IntPredicate admitEvent) {
        if (!released.isEmpty()) {
            deleteReleased();
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return null;
            }
            return MessageHeaderDescriptor.read(dc.wire().bytes(), admitEvent);
        }
    }

    /** Cycle files of the inbound queue deleted by retention so far. */
    public int deletedCycles() {
        return deletedCycles;
    }

    @Override
    public void close() {
        tailer.close();
        appender.close();
        inbound.close();
        outbound.close();
    }
}
