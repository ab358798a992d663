package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pre-check of a call against the run's budget: the most the call can cost is reserved before it starts (and
 * settled to what it cost after), so a call that could exceed what is left is not started. Per call, that is the
 * price; per token, the price of the most tokens the call can produce:
 * <ul>
 * <li>its input's {@code maxTokens}, or its schema's default or maximum ({@link CapabilitySpec#tokenBound});</li>
 * <li>else, if its schema declares {@code maxTokens}, the conductor sets it: twice the 99th percentile of the
 *     tokens a call of that Instrument produced across runs (the pool manager's statistics; twice, so answers can
 *     grow past the cap earlier answers had), at most what the budget left affords; before any call, what it
 *     affords;</li>
 * <li>else nothing bounds the cost, and under a budget the call is refused, saying so.</li>
 * </ul>
 */
final class CallBudget {
    /** What was reserved, and the input to call with (with {@code maxTokens} set when the conductor bounded it). */
    record Reservation(double cost, JsonNode input) {
    }

    private CallBudget() {
    }

    static Reservation reserve(CapabilitySpec spec, JsonNode input, RunBudget budget, Estimates estimates) throws NodeFailure {
        Reservation r = bound(spec, input, budget, estimates);
        if (!budget.tryCharge(r.cost())) {
            throw new NodeFailure("budget exhausted: " + spec.key() + " " + (r.cost() == spec.costPerCall() ? "costs " : "may cost ")
                    + Money.text(r.cost()) + ", " + Money.text(budget.left()) + " left");
        }
        return r;
    }

    private static Reservation bound(CapabilitySpec spec, JsonNode input, RunBudget budget, Estimates estimates) throws NodeFailure {
        if (spec.costPerToken() <= 0) {
            return new Reservation(spec.costPerCall(), input);
        }
        long bound = spec.tokenBound(input);
        if (bound >= 0) {
            return new Reservation(price(spec, bound), input);
        }
        double left = budget.left();
        if (Double.isInfinite(left)) {
            return new Reservation(spec.costPerCall(), input); // no budget: nothing to protect
        }
        boolean declared = spec.inputSchema() != null && spec.inputSchema().path("properties").has("maxTokens");
        if (!declared || input == null || !input.isObject()) {
            throw new NodeFailure("budget: " + spec.key() + " is priced per token (" + Money.text(spec.costPerToken())
                    + ") and its input takes no maxTokens, so nothing bounds what a call costs; under limits.budget it is"
                    + " not called (declare maxTokens in its input schema, or run without a budget)");
        }
        BigDecimal afterCall = Money.of(left).subtract(Money.of(spec.costPerCall()));
        long affordable = afterCall.signum() <= 0 ? 0
                : afterCall.divide(Money.of(spec.costPerToken()), 0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Integer.MAX_VALUE)).longValue();
        long seen = estimates.tokensP99(spec);
        long tokens = seen < 0 ? affordable : Math.min(affordable, Math.max(1, 2 * seen));
        if (tokens < 1) {
            throw new NodeFailure("budget exhausted: " + spec.key() + " costs " + Money.text(spec.costPerCall()) + " + "
                    + Money.text(spec.costPerToken()) + " per token, " + Money.text(left) + " left");
        }
        ObjectNode bounded = ((ObjectNode) input).deepCopy();
        bounded.put("maxTokens", tokens);
        return new Reservation(price(spec, tokens), bounded);
    }

    private static double price(CapabilitySpec spec, long tokens) {
        return Money.of(spec.costPerCall()).add(Money.of(spec.costPerToken()).multiply(BigDecimal.valueOf(tokens))).doubleValue();
    }
}
