package dev.symphony.conductor.run;

import java.math.BigDecimal;

/**
 * What a run (and its nested loops and sub-Melodies) spent against the Melody's budget; thread-safe. Sums are
 * exact decimals ({@link Money}): a budget of 0.001 holds three calls at 0.00029 and refuses a fourth.
 */
final class RunBudget {
    final double limit;
    private final BigDecimal exactLimit;
    private BigDecimal spent;

    RunBudget(double limit, double spent) {
        this.limit = limit;
        this.exactLimit = Double.isInfinite(limit) ? null : Money.of(limit);
        this.spent = Money.of(spent);
    }

    synchronized double left() {
        return exactLimit == null ? Double.POSITIVE_INFINITY : exactLimit.subtract(spent).doubleValue();
    }

    synchronized void charge(double c) {
        spent = spent.add(Money.of(c));
    }

    /** Charges {@code c} unless that would exceed the limit (check and charge in one step: calls run in parallel). */
    synchronized boolean tryCharge(double c) {
        BigDecimal after = spent.add(Money.of(c));
        if (exactLimit != null && after.compareTo(exactLimit) > 0) {
            return false;
        }
        spent = after;
        return true;
    }

    /** A call that reserved {@code reserved} cost {@code actual}: the difference is refunded (or charged). */
    synchronized void settle(double reserved, double actual) {
        spent = spent.subtract(Money.of(reserved)).add(Money.of(actual));
    }

    synchronized double spent() {
        return spent.doubleValue();
    }

    synchronized BigDecimal spentExact() {
        return spent;
    }
}
