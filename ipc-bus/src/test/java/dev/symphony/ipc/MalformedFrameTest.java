package dev.symphony.ipc;

import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.BusStatus;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.InboundHandler;
import dev.symphony.ipc.api.MessageHeaderDescriptor;
import dev.symphony.ipc.api.MessageType;
import dev.symphony.ipc.internal.QueuePair;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A hostile or broken peer writes frames the protocol does not allow straight into the queue the kernel's
 * endpoint reads. Each breaks the channel cleanly: the call that was waiting — on a caller thread that was
 * pumping the queue itself — fails with MALFORMED at once instead of hanging or leaking its in-flight slot,
 * the handler hears the peer is gone, and no exception escapes into the pump thread.
 */
class MalformedFrameTest {
    @TempDir
    Path dir;

    static void appendRaw(Path channelDir, Consumer<Bytes<?>> frame) {
        try (ChronicleQueue q = SingleChronicleQueueBuilder.binary(channelDir.resolve(QueuePair.TO_KERNEL)).rollCycle(RollCycles.FAST_HOURLY).build();
             ExcerptAppender appender = q.createAppender();
             DocumentContext dc = appender.writingDocument()) {
            frame.accept(dc.wire().bytes());
        }
    }

    /** The host side never answers: the kernel's caller waits, pumping the inbound queue itself. */
    static final class SilentHost implements InboundHandler {
        @Override
        public void onRequest(Endpoint endpoint, Envelope request) {
        }
    }

    @TestFactory
    Stream<DynamicTest> aMalformedFrameBreaksTheChannelAndFailsTheWaitingCall() {
        return Stream.of("three-bytes", "bad-version", "unknown-type", "length-overflow", "over-the-limit", "empty-credit")
                .map(kind -> DynamicTest.dynamicTest(kind, () -> breaksTheChannel(kind)));
    }

    void breaksTheChannel(String kind) throws Exception {
        Path dir = Files.createTempDirectory(this.dir, kind);
        CountDownLatch peerGone = new CountDownLatch(1);
        InboundHandler kernelHandler = new InboundHandler() {
            @Override
            public void onRequest(Endpoint endpoint, Envelope request) {
            }

            @Override
            public void onPeerClosed(Endpoint endpoint) {
                peerGone.countDown();
            }
        };
        try (ChannelFixture f = new ChannelFixture(dir, kernelHandler, new SilentHost())) {
            CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    f.kernel.call("hello".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(200); // the caller is spinning on (and pumping) the queue
            appendRaw(dir, bytes -> {
                switch (kind) {
                    case "three-bytes" -> bytes.write(new byte[] {1, 2, 3});
                    case "bad-version" -> bytes.writeByte((byte) 7).writeByte((byte) MessageType.EVENT.code()).writeShort((short) 0).writeInt(0)
                            .writeLong(0).writeLong(0).writeLong(0);
                    case "unknown-type" -> {
                        bytes.writeByte(MessageHeaderDescriptor.VERSION).writeByte((byte) 99).writeShort((short) 0).writeInt(0)
                                .writeLong(0).writeLong(0).writeLong(0);
                    }
                    case "length-overflow" -> bytes.writeByte(MessageHeaderDescriptor.VERSION).writeByte((byte) MessageType.EVENT.code())
                            .writeShort((short) 0).writeInt(1 << 30).writeLong(0).writeLong(0).writeLong(0);
                    case "over-the-limit" -> { // a complete frame, but larger than any sender may send
                        int length = MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH + 1;
                        bytes.writeByte(MessageHeaderDescriptor.VERSION).writeByte((byte) MessageType.EVENT.code())
                                .writeShort((short) 0).writeInt(length).writeLong(0).writeLong(0).writeLong(0).write(new byte[length]);
                    }
                    default -> MessageHeaderDescriptor.write(bytes, MessageType.CREDIT, 0, 12345, 0, 0, new byte[0], 0, 0);
                }
            });
            Throwable failure = waiting.get(10, TimeUnit.SECONDS);
            assertInstanceOf(BusException.class, failure, "the waiting call failed, it did not hang: " + failure);
            assertEquals(BusStatus.MALFORMED, ((BusException) failure).status(), failure.getMessage());
            assertTrue(peerGone.await(5, TimeUnit.SECONDS), "the handler heard the channel is gone");
            assertTrue(f.kernel.isClosed());
            BusException next = assertThrows(BusException.class, () -> f.kernel.call(new byte[0], Duration.ofSeconds(1)));
            assertEquals(BusStatus.MALFORMED, next.status(), "later calls fail at once with the cause, not BUSY: " + next.getMessage());
        }
    }

}
