package dev.symphony.kernel.models;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;

/**
 * A hard money budget: a request {@link #reserve reserves} the most it can cost (its input estimate and its
 * {@code maxTokens} at the price table's rates) before it is sent, and is refused (LIMIT_EXCEEDED, naming the
 * budget and what remains) when that is more than what remains; when it ends it {@link #settle settles} at its
 * billed cost, never more than it reserved. So spending never exceeds the limit. Thread-safe.
 */
public final class Budget {
    private final String name;
    private final double limit;
    private double spent;
    private double reserved;

    /** @param limit in the price table's currency; {@code Double.POSITIVE_INFINITY} for none */
    public Budget(String name, double limit, double alreadySpent) {
        if (!(limit >= 0)) {
            throw new IllegalArgumentException("budget " + name + " must be >= 0, not " + limit);
        }
        this.name = name;
        this.limit = limit;
        this.spent = alreadySpent;
    }

    /** One reservation, settled once. */
    public final class Reservation {
        private final double amount;
        private boolean settled;

        private Reservation(double amount) {
            this.amount = amount;
        }

        public double amount() {
            return amount;
        }

        public Budget budget() {
            return Budget.this;
        }
    }

    public synchronized Reservation reserve(double maxCost) {
        if (!(maxCost >= 0)) {
            throw new IllegalArgumentException("a cost must be >= 0, not " + maxCost);
        }
        double remaining = remaining();
        if (maxCost > remaining) {
            throw new CallFailedException(ErrorCode.LIMIT_EXCEEDED, String.format(java.util.Locale.ROOT,
                    "the %s budget has %.6f left of %.6f; this request may cost up to %.6f (its input and maxTokens at the price table's rates)",
                    name, remaining, limit, maxCost));
        }
        reserved += maxCost;
        return new Reservation(maxCost);
    }

    /** Ends a reservation at {@code cost} (capped at what was reserved); returns what was billed. */
    public synchronized double settle(Reservation r, double cost) {
        if (r.settled) {
            throw new IllegalStateException("reservation already settled");
        }
        r.settled = true;
        reserved -= r.amount;
        double billed = Math.min(Math.max(0, cost), r.amount);
        spent += billed;
        return billed;
    }

    public synchronized double spent() {
        return spent;
    }

    public synchronized double remaining() {
        return Math.max(0, limit - spent - reserved);
    }

    public String name() {
        return name;
    }

    public double limit() {
        return limit;
    }
}
