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
 * started, so no run ever spends more than its budget.
 */
class BudgetPropertyTest extends HarnessTest {
    private static final long SEED = Long.getLong("symphony.test.seed", System.nanoTime());
    private static final String IN = "{\"type\":\"object\",\"properties\":{\"maxTokens\":{\"type\":\"integer\",\"maximum\":60}}}";

    @Test
    void noRunSpendsMoreThanItsBudget() throws Exception {
        Random rnd = new Random(SEED);
        Map<String, Long> used = new ConcurrentHashMap<>();
        TestOperators ops = h.ops;
        ops.tokensOf.put("test.lm/gen", input -> {
            long bound = input.path("maxTokens").asLong(60);
            long tokens;
            synchronized (rnd) {
                tokens = (long) (rnd.nextDouble() * (bound + 1));
            }
            used.merge("n", tokens, Long::sum);
            return tokens;
        });
        ops.add("instrument", "test.lm", "gen", IN, "{\"type\":\"object\"}", 1, 0.013, in -> in);
        ops.usage.put("test.lm/gen", new TestOperators.Usage(0, 0.0007));
        int refused = 0;
        for (int run = 0; run < 40; run++) {
            int nodes = 2 + rnd.nextInt(7);
            double budget = Math.round(rnd.nextDouble() * 0.2 * 1e4) / 1e4;
            StringBuilder m = new StringBuilder("{\"formatVersion\":1,\"name\":\"b\",\"limits\":{\"budget\":" + budget
                    + ",\"maxConcurrency\":" + (1 + rnd.nextInt(3)) + "},\"nodes\":[");
            StringBuilder c = new StringBuilder();
            for (int i = 0; i < nodes; i++) {
                String max = rnd.nextBoolean() ? "\"maxTokens\":" + (1 + rnd.nextInt(60)) : "";
                m.append(i > 0 ? "," : "").append("{\"id\":\"n").append(i).append("\",\"type\":\"call\",\"essential\":false,"
                        + "\"extension\":\"test.lm\",\"capability\":\"gen\",\"input\":{").append(max).append("},\"onError\":{\"then\":\"skip\"}}");
                if (i > 0 && rnd.nextBoolean()) {
                    c.append(c.length() > 0 ? "," : "").append("{\"from\":\"n").append(rnd.nextInt(i)).append("\",\"to\":\"n").append(i).append("\"}");
                }
            }
            m.append("],\"connections\":[").append(c).append("]}");
            RunContext context = h.context();
            RunResult r = new Conductor(context).start(new dev.symphony.conductor.melody.MelodyReader(ops)
                    .parse(m.toString(), dir.resolve("b.melody.json")), JsonNodeFactory.instance.objectNode());
            String where = "run " + run + " budget " + budget + ": " + m + " (replay with -Dsymphony.test.seed=" + SEED + ")";
            assertTrue(BigDecimal.valueOf(r.cost()).compareTo(BigDecimal.valueOf(budget)) <= 0, "spent " + r.cost() + " > " + where);
            refused += (int) h.events.stream().filter(e -> e.path("error").asText().startsWith("budget exhausted")).count();
            h.events.clear();
        }
        assertTrue(refused > 0, "the budgets were tight enough to refuse calls (seed " + SEED + ")");
        assertEquals(true, used.getOrDefault("n", 0L) > 0);
    }
}
