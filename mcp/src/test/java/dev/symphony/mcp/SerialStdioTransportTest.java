package dev.symphony.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Messages sent from several threads at once all go out, each whole: the "server" is a real {@code cat}, which sends
 * every line back, so every message must come back parsed. The SDK's own transport loses some of them ("Failed to
 * enqueue message") when threads send together.
 */
class SerialStdioTransportTest {

    @Test
    void messagesSentFromFourThreadsAtOnceAllGoOutWhole() throws Exception {
        Path cat = Path.of("/bin/cat");
        assumeTrue(Files.isExecutable(cat), "needs /bin/cat");
        StdioClientTransport transport = new SerialStdioTransport(ServerParameters.builder(cat.toString()).build(),
                new JacksonMcpJsonMapper(new ObjectMapper()));
        AtomicInteger echoed = new AtomicInteger();
        transport.connect(in -> in.doOnNext(m -> echoed.incrementAndGet()).then(Mono.empty())).block(Duration.ofSeconds(10));
        int threads = 4;
        int each = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> failed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                failed.add(pool.submit(() -> {
                    start.await();
                    int failures = 0;
                    for (int i = 0; i < each; i++) {
                        try {
                            transport.sendMessage(new McpSchema.JSONRPCNotification("2.0", "notifications/test",
                                    Map.of("thread", thread, "i", i))).block(Duration.ofSeconds(10));
                        } catch (RuntimeException e) {
                            failures++;
                        }
                    }
                    return failures;
                }));
            }
            start.countDown();
            int failures = 0;
            for (Future<Integer> f : failed) {
                failures += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(0, failures, "sends that failed");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (echoed.get() < threads * each && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(threads * each, echoed.get(), "messages that came back whole from cat");
        } finally {
            pool.shutdownNow();
            transport.closeGracefully().block(Duration.ofSeconds(10));
        }
    }
}
