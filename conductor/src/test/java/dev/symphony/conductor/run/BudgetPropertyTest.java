package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Budgets hold, seeded ({@code -Dsymphony.test.seed=N}): random chains and fans of per-token Instrument calls,
 * random token bounds, random token use up to them, random budgets; a call that could exceed what is left is not
 * started, so no run ever spends more than its budget. Three kinds of per-token Instrument: one whose tokens its
 * input or schema bounds ({@code gen}); one whose schema takes {@code maxTokens} without a bound ({@code open}: it
 * writes up to 500 tokens unless told less, so the conductor must set the bound from the statistics across runs,
 * kept in a file between the runs); one that takes no bound at all ({@code wild}: never called under a budget).
 */
class BudgetPropertyTest extends HarnessTest {
    private static final long SEED = Long.getLong("symphony.test.seed", System.nanoTime());
    private static final String IN = "{\"type\":\"object\",\"properties\":{\"maxTokens\":{\"type\":\"integer\",\"maximum\":60}}}";
    private static final String OPEN = "{\"type\":\"object\",\"properties\":{\"maxTokens\":{\"type\":\"integer\",\"minimum\":1}}}";
    private static final String[] CAPABILITIES = {"gen", "open", "wild"};

    @Test
    void noRunSpendsMoreThanItsBudget() throws Exception {
        Random rnd = new Random(SEED);
        Map<String, Long> used = new ConcurrentHashMap<>();
        TestOperators ops = h.ops;
        for (String cap : CAPABILITIES) {
            long unbounded = cap.equals("gen") ? 60 : 500; // what a call writes when its input does not bound it
            ops.tokensOf.put("test.lm/" + cap, input -> {
                long bound = input.path("maxTokens").asLong(unbounded);
                long tokens;
                synchronized (rnd) {
                    tokens = (long) (rnd.nextDouble() * (bound + 1));
                }
                used.merge(cap, tokens, Long::sum);
                return tokens;
            });
            ops.add("instrument", "test.lm", cap, cap.equals("gen") ? IN : cap.equals("open") ? OPEN : "{\"type\":\"object\"}",
                    "{\"type\":\"object\"}", 1, 0.013, in -> in);
            ops.usage.put("test.lm/" + cap, new TestOperators.Usage(0, 0.0007));
        }
        int refused = 0;
        for (int run = 0; run < 40; run++) {
            int nodes = 2 + rnd.nextInt(7);
            double budget = Math.round(rnd.nextDouble() * 0.2 * 1e4) / 1e4;
            StringBuilder m = new StringBuilder("{\"formatVersion\":1,\"name\":\"b\",\"limits\":{\"budget\":" + budget
                    + ",\"maxConcurrency\":" + (1 + rnd.nextInt(3)) + "},\"nodes\":[");
            StringBuilder c = new StringBuilder();
            for (int i = 0; i < nodes; i++) {
                String cap = CAPABILITIES[rnd.nextInt(CAPABILITIES.length)];
                // only gen's nodes bound their calls in the Melody: open's are bounded by the conductor, wild's by nothing
                String max = cap.equals("gen") && rnd.nextBoolean() ? "\"maxTokens\":" + (1 + rnd.nextInt(60)) : "";
                m.append(i > 0 ? "," : "").append("{\"id\":\"n").append(i).append("\",\"type\":\"call\",\"essential\":false,"
                        + "\"extension\":\"test.lm\",\"capability\":\"").append(cap).append("\",\"input\":{").append(max)
                        .append("},\"onError\":{\"then\":\"skip\"}}");
                if (i > 0 && rnd.nextBoolean()) {
                    c.append(c.length() > 0 ? "," : "").append("{\"from\":\"n").append(rnd.nextInt(i)).append("\",\"to\":\"n").append(i).append("\"}");
                }
            }
            m.append("],\"connections\":[").append(c).append("]}");
            RunContext context = h.context().instrumentStats(dir.resolve("instrument-stats.json"));
            RunResult r = new Conductor(context).start(new dev.symphony.conductor.melody.MelodyReader(ops)
                    .parse(m.toString(), dir.resolve("b.melody.json")), JsonNodeFactory.instance.objectNode());
            String where = "run " + run + " budget " + budget + ": " + m + " (replay with -Dsymphony.test.seed=" + SEED + ")";
            assertTrue(BigDecimal.valueOf(r.cost()).compareTo(BigDecimal.valueOf(budget)) <= 0, "spent " + r.cost() + " > " + where);
            refused += (int) h.events.stream().filter(e -> e.path("error").asText().startsWith("budget exhausted")).count();
            h.events.clear();
        }
        assertTrue(refused > 0, "the budgets were tight enough to refuse calls (seed " + SEED + ")");
        assertTrue(used.getOrDefault("gen", 0L) > 0 && used.getOrDefault("open", 0L) > 0, "tokens used: " + used);
        assertEquals(0L, used.getOrDefault("wild", 0L), "a call nothing bounds is not started under a budget");
        assertTrue(ops.calls.stream().filter(c -> c.startsWith("test.lm/open ")).allMatch(c -> c.contains("maxTokens")),
                "the conductor bounded every call of the open Instrument: " + ops.calls);
    }
}
