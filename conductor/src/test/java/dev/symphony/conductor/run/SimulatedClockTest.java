package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Time is injected: retries back off for minutes of simulated time, the run timeout is read from the same clock. */
class SimulatedClockTest extends HarnessTest {
    private static final long START = Instant.parse("2026-12-01T09:00:00Z").toEpochMilli();

    private RunResult run(SimulatedTime time, String melody) throws Exception {
        return new Conductor(h.context().clock(time).sleeper(time)).start(h.melody(melody), JsonNodeFactory.instance.objectNode());
    }

    @Test
    void retriesBackOffForMinutesOfSimulatedTimeWithoutWaiting() throws Exception {
        SimulatedTime time = new SimulatedTime(START);
        h.ops.failuresLeft.put("k", new AtomicInteger(3));
        long wallStart = System.nanoTime();
        RunResult r = run(time, "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"x\",\"type\":\"call\","
                + "\"extension\":\"test.ops\",\"capability\":\"flaky\",\"input\":{\"key\":\"k\"},"
                + "\"onError\":{\"retry\":{\"count\":3,\"backoffMs\":60000,\"factor\":2}}}],\"connections\":[]}");
        long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of(60_000L, 120_000L, 240_000L), h.ofType("node.retried").stream()
                .map(e -> e.path("backoffMs").asLong()).toList());
        assertTrue(time.slept.get() >= 420_000, "slept " + time.slept.get() + " ms of simulated time");
        Instant first = Instant.parse(h.events.get(0).path("time").asText());
        Instant last = Instant.parse(h.events.get(h.events.size() - 1).path("time").asText());
        assertTrue(Duration.between(first, last).toMinutes() >= 7, "events span " + Duration.between(first, last));
        // Seven minutes of back-off really waited would take seven minutes; a generous bound under load.
        assertTrue(wallMs < 10_000, "took " + wallMs + " ms of wall time");
        System.out.println("7 min of simulated back-off in " + wallMs + " ms");
    }

    @Test
    void theRunTimeoutIsReadFromTheInjectedClock() throws Exception {
        SimulatedTime time = new SimulatedTime(START);
        time.realPausesAfter = START + 120_000; // 20 retries a minute apart outlast the deadline by far
        RunResult r = run(time, "{\"formatVersion\":1,\"name\":\"t\",\"limits\":{\"timeoutMs\":120000},\"nodes\":[{\"id\":\"x\","
                + "\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"fail\",\"input\":{},"
                + "\"onError\":{\"retry\":{\"count\":20,\"backoffMs\":60000}}}],\"connections\":[]}");
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("the run exceeded limits.timeoutMs = 120000 ms", r.error());
    }
}
