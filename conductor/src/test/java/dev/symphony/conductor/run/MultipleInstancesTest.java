package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** WCP14: a forEach node's instances run at the same time, never more than the run's concurrency limit. */
class MultipleInstancesTest extends HarnessTest {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    private RunResult run(int limit, String failAt) throws Exception {
        h.ops.add("test.ops", "track", "{\"type\":\"object\"}", "{\"type\":\"object\"}", 1, 0, in -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
                if (in.path("text").asText().equals(failAt)) {
                    throw new IllegalStateException("instance " + failAt + " fails");
                }
                return JsonNodeFactory.instance.objectNode().put("text", in.path("text").asText().toUpperCase());
            } finally {
                now.decrementAndGet();
            }
        });
        return h.run("{\"formatVersion\":1,\"name\":\"t\",\"limits\":{\"maxConcurrency\":" + limit + "},\"nodes\":["
                + "{\"id\":\"items\",\"type\":\"input\",\"default\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]},"
                + "{\"id\":\"each\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"track\","
                + "\"forEach\":\"items\",\"input\":{\"text\":\"${item}\"}},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${each}\"}],"
                + "\"connections\":[{\"from\":\"items\",\"to\":\"each\"},{\"from\":\"each\",\"to\":\"out\"}]}");
    }

    @Test
    void instancesRunConcurrentlyWithinTheLimitAndKeepItemOrder() throws Exception {
        RunResult r = run(3, "none");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals("[{\"text\":\"A\"},{\"text\":\"B\"},{\"text\":\"C\"},{\"text\":\"D\"},{\"text\":\"E\"},{\"text\":\"F\"}]",
                r.outputs().get("out").toString());
        assertTrue(most.get() >= 2 && most.get() <= 3, "at most 3 at once, and more than one: " + most.get());
        assertEquals(6, h.ofType("node.progress").size());
    }

    @Test
    void oneFailedInstanceFailsTheNodeWithItsError() throws Exception {
        RunResult r = run(2, "c");
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("instance c fails[2]"), r.error());
        assertTrue(most.get() <= 2, "at most 2 at once: " + most.get());
    }
}
