package dev.symphony.ipc;

import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.BusStatus;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.InboundHandler;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.ipc.api.StreamCall;
import dev.symphony.ipc.api.StreamWriter;
import dev.symphony.ipc.api.PeerIds;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class EndpointTest {
    @TempDir
    Path dir;

    /** Echo host: answers requests at once, "sleep" requests never, streams n chunks on its own thread. */
    static final class EchoHost implements InboundHandler {
        final List<Long> cancelled = new CopyOnWriteArrayList<>();
        final AtomicInteger events = new AtomicInteger();
        final AtomicInteger maxAhead = new AtomicInteger();
        volatile int produced;

        @Override
        public void onRequest(Endpoint endpoint, Envelope request) {
            String text = request.payloadText();
            if (text.equals("sleep")) {
                return; // never answers
            }
            if (text.equals("fail")) {
                throw new IllegalStateException("boom");
            }
            endpoint.respond(request.correlationId(), ("echo:" + text).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void onStreamRequest(Endpoint endpoint, Envelope request) {
            if (request.payloadText().equals("stall")) {
                endpoint.streamWriter(request); // opens the stream, never sends
                return;
            }
            int n = Integer.parseInt(request.payloadText());
            StreamWriter writer = endpoint.streamWriter(request);
            new Thread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        writer.write(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                        produced = i + 1;
                    }
                    writer.end("done".getBytes(StandardCharsets.UTF_8));
                } catch (BusException e) {
                    assertEquals(BusStatus.CANCELLED, e.status());
                }
            }).start();
        }

        @Override
        public void onEvent(Endpoint endpoint, Envelope event) {
            events.incrementAndGet();
        }

        @Override
        public void onCancel(Endpoint endpoint, long correlationId) {
            cancelled.add(correlationId);
        }
    }

    static final InboundHandler KERNEL = (endpoint, request) -> endpoint.respond(request.correlationId(), new byte[0]);

    @Test
    void requestResponseCarriesTheHeaderAndPayload() {
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, new EchoHost())) {
            for (int i = 0; i < 1000; i++) {
                byte[] answer = channel.kernel.call(("m" + i).getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
                assertEquals("echo:m" + i, new String(answer, StandardCharsets.UTF_8));
            }
            assertEquals(0, channel.kernel.pendingCalls());
        }
    }

    @Test
    void hostRequestsReachTheKernelToo() {
        InboundHandler kernel = (endpoint, request) -> endpoint.respond(request.correlationId(),
                ("kernel saw " + request.payloadText() + " from " + (request.peerHash() == PeerIds.hash("test.ext")))
                        .getBytes(StandardCharsets.UTF_8));
        try (ChannelFixture channel = new ChannelFixture(dir, kernel, new EchoHost())) {
            byte[] answer = channel.host.call("x".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
            assertEquals("kernel saw x from true", new String(answer, StandardCharsets.UTF_8));
        }
    }

    @Test
    void handlerExceptionBecomesAnExtensionError() {
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, new EchoHost())) {
            BusException e = assertThrows(BusException.class,
                    () -> channel.kernel.call("fail".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)));
            assertEquals(BusStatus.HANDLER_FAILED, e.status());
            assertTrue(e.getMessage().contains("boom"), e.getMessage());
        }
    }

    @Test
    void timeoutFailsTheCallAndCancelsItAtThePeer() throws Exception {
        EchoHost host = new EchoHost();
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, host)) {
            BusException e = assertThrows(BusException.class,
                    () -> channel.kernel.call("sleep".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(100)));
            assertEquals(BusStatus.TIMEOUT, e.status());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (host.cancelled.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, host.cancelled.size());
            assertEquals(0, channel.kernel.pendingCalls(), "the in-flight slot is freed");
        }
    }

    @Test
    void inFlightCallsAreBounded() {
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, new EchoHost())) {
            List<Thread> sleepers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> assertThrows(BusException.class,
                        () -> channel.kernel.call("sleep".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2))));
                t.start();
                sleepers.add(t);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (channel.kernel.pendingCalls() < 4 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            BusException e = assertThrows(BusException.class,
                    () -> channel.kernel.call("x".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(50)));
            assertEquals(BusStatus.BUSY, e.status());
        }
    }

    @Test
    void streamsAreFlowControlledByCredits() throws Exception {
        EchoHost host = new EchoHost();
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, host)) {
            try (StreamCall stream = channel.kernel.openStream("200".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5))) {
                assertEquals("0", new String(stream.next(), StandardCharsets.UTF_8));
                Thread.sleep(200); // a slow consumer: the producer must stop at the window (8)
                assertTrue(host.produced <= 9, "producer ran ahead of the credit window: " + host.produced);
                int received = 1;
                byte[] chunk;
                while ((chunk = stream.next()) != null) {
                    assertEquals(Integer.toString(received), new String(chunk, StandardCharsets.UTF_8));
                    received++;
                }
                assertEquals(200, received);
                assertEquals("done", new String(stream.endPayload(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void closingAStreamEarlyCancelsTheProducer() throws Exception {
        EchoHost host = new EchoHost();
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, host)) {
            StreamCall stream = channel.kernel.openStream("1000000".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
            stream.next();
            stream.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (host.cancelled.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(List.of(stream.correlationId()), host.cancelled);
            int producedAtCancel = host.produced;
            Thread.sleep(100);
            assertTrue(host.produced <= producedAtCancel + 1, "producer kept going after cancel");
        }
    }

    @Test
    void closingAStreamFromAnotherThreadEndsAWaitingNextAtOnce() throws Exception {
        EchoHost host = new EchoHost();
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, host)) {
            StreamCall stream = channel.kernel.openStream("stall".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                stream.close(); // as a Stop button does, while the reader waits for the next chunk
            });
            closer.start();
            long start = System.nanoTime();
            assertEquals(null, stream.next(), "a closed stream has no next chunk");
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waitedMs < 20_000, "next() returned " + waitedMs + " ms after it began, not at the 60 s idle timeout");
            closer.join();
        }
    }

    @Test
    void anInterruptedReaderGivesUpItsStreamAndThePeerHearsAtOnce() throws Exception {
        EchoHost host = new EchoHost();
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, host)) {
            StreamCall stream = channel.kernel.openStream("stall".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60));
            Thread reader = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                reader.interrupt(); // as a host's dispatcher does to the worker whose call the kernel cancelled
            });
            interrupter.start();
            long start = System.nanoTime();
            BusException e = assertThrows(BusException.class, stream::next, "an interrupted reader stops waiting");
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(Thread.interrupted(), "the interrupt stays set for the reader's caller");
            assertEquals(BusStatus.CANCELLED, e.status());
            assertTrue(waitedMs < 20_000, "next() gave up " + waitedMs + " ms after it began, not at the 60 s idle timeout");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (host.cancelled.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(List.of(stream.correlationId()), host.cancelled, "the producer is told to stop");
            assertEquals(0, channel.kernel.pendingCalls(), "the in-flight slot is freed");
            interrupter.join();
        }
    }

    @Test
    void eventsAreOneWay() throws Exception {
        EchoHost host = new EchoHost();
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, host)) {
            for (int i = 0; i < 10_000; i++) {
                channel.kernel.sendEvent(PayloadCodec.encode(Map.of("i", i)));
            }
            channel.kernel.call("sync".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
            assertEquals(10_000, host.events.get(), "events are delivered in order before the later request");
        }
    }

    /** Before: every event was copied out of the queue (a byte array and an envelope each) only to be dropped. */
    @Test
    void eventsTheHandlerRefusesAreDroppedUnreadAndTheRestArriveInOrder() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicInteger asked = new AtomicInteger();
        InboundHandler host = new InboundHandler() {
            @Override
            public void onRequest(Endpoint endpoint, Envelope request) {
                endpoint.respond(request.correlationId(), new byte[0]);
            }

            @Override
            public boolean admitEvent(Endpoint endpoint, int payloadLength) {
                asked.incrementAndGet();
                return payloadLength <= 4;
            }

            @Override
            public void onEvent(Endpoint endpoint, Envelope event) {
                heard.add(event.payloadText());
            }
        };
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, host)) {
            for (int i = 0; i < 1000; i++) {
                channel.kernel.sendEvent(("e" + i + (i % 2 == 0 ? "" : "-too-long")).getBytes(StandardCharsets.UTF_8));
            }
            channel.kernel.call("sync".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
            assertEquals(1000, asked.get(), "each event's length was offered once");
            assertEquals(java.util.stream.IntStream.range(0, 1000).filter(i -> i % 2 == 0).mapToObj(i -> "e" + i).toList(), heard,
                    "only the admitted events arrive, in order, and nothing after them was lost");
        }
    }

    @Test
    void sleepingPeersAreWokenByTheDoorbell() throws Exception {
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, new EchoHost())) {
            for (int round = 0; round < 3; round++) {
                Thread.sleep(150); // both pumps back off to the doorbell sleep (after 2 ms)
                assertEquals("echo:wake", new String(channel.kernel.call("wake".getBytes(StandardCharsets.UTF_8),
                        Duration.ofSeconds(5)), StandardCharsets.UTF_8));
            }
            assertTrue(channel.kernel.doorbell().rings() >= 3, "the host was asleep and was rung: " + channel.kernel.doorbell().rings());
        }
    }

    @Test
    void peerExitFailsCallsInFlight() throws Exception {
        ChannelFixture channel = new ChannelFixture(dir, KERNEL, new EchoHost());
        try {
            CountDownLatch started = new CountDownLatch(1);
            Thread closer = new Thread(() -> {
                try {
                    started.await();
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    return;
                }
                channel.host.close(); // closes the doorbell socket, like a process exit
            });
            closer.start();
            started.countDown();
            BusException e = assertThrows(BusException.class,
                    () -> channel.kernel.call("sleep".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)));
            assertEquals(BusStatus.PEER_EXITED, e.status(), e.getMessage());
        } finally {
            channel.close();
        }
    }

    @Test
    void rolledQueueFilesAreDeletedByRetention() throws Exception {
        try (ChannelFixture channel = new ChannelFixture(dir, KERNEL, new EchoHost(), TestRollCycles.TEST_SECONDLY, 8)) {
            // traffic over at least three secondly cycles, then on until both readers have deleted two
            // files (deletion happens on reads; a loaded machine may release files late), 15 s at most
            long start = System.nanoTime();
            long minEnd = start + TimeUnit.MILLISECONDS.toNanos(3500);
            long maxEnd = start + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < minEnd || System.nanoTime() < maxEnd
                    && (channel.host.deletedQueueFiles() < 2 || channel.kernel.deletedQueueFiles() < 2)) {
                channel.kernel.call("tick".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
                Thread.sleep(20);
            }
            assertTrue(channel.host.deletedQueueFiles() >= 2, "host deleted " + channel.host.deletedQueueFiles());
            assertTrue(channel.kernel.deletedQueueFiles() >= 2, "kernel deleted " + channel.kernel.deletedQueueFiles());
            try (Stream<Path> files = Files.list(dir.resolve("to-host"))) {
                long cycles = files.filter(p -> p.toString().endsWith(".cq4")).count();
                assertTrue(cycles <= 2, "old cycle files remain: " + cycles);
            }
        }
    }
}
