package dev.symphony.conductor.run;

import java.math.BigDecimal;

/**
 * Costs as decimals. Prices come in as doubles (manifests, price tables) and are summed exactly here, so three
 * calls at 0.00029 cost 0.00087, not {@code 8.700000000000001E-4}; what a person reads is plain decimal
 * notation, never an exponent.
 */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO;

    private Money() {
    }

    /** The decimal a price was written as (the shortest that reads back as the same double). */
    public static BigDecimal of(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("not a price: " + price);
        }
        return BigDecimal.valueOf(price).stripTrailingZeros();
    }

    /** Plain decimal notation without trailing zeros: {@code 0.00087}, {@code 12}, {@code 0}. */
    public static String text(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    public static String text(double amount) {
        return Double.isInfinite(amount) ? (amount > 0 ? "unlimited" : "-unlimited") : text(of(amount));
    }
}
