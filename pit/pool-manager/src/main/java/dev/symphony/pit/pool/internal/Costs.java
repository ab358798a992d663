package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.ModelSpec;

/** Call cost in micros, saturating at {@link Long#MAX_VALUE} so that a huge token estimate is refused, not wrapped. */
final class Costs {
    private Costs() {
    }

    static long of(final ModelSpec spec, final long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("token count must be >= 0, was " + tokens);
        }
        final long perToken = spec.costPerTokenMicros();
        if (Math.multiplyHigh(perToken, tokens) != 0) {
            return Long.MAX_VALUE;
        }
        final long tokenCost = perToken * tokens;
        if (tokenCost < 0) {
            return Long.MAX_VALUE;
        }
        final long total = tokenCost + spec.costPerCallMicros();
        return total < 0 ? Long.MAX_VALUE : total;
    }
}
