package dev.symphony.ui.chat;

import dev.symphony.agent.ModelBackend;
import java.util.Locale;

/** A thread's tokens and money so far, and the footer line that says them with the day's budget left. */
final class ThreadUsage {
    /** What a thread used so far, as its file keeps it. */
    record Totals(long inputTokens, long outputTokens, double cost, boolean costUnknown, String currency) {
        static final Totals NONE = new Totals(0, 0, 0, false, "USD");

        Totals {
            currency = currency == null || currency.isBlank() ? "USD" : currency;
        }
    }

    private long inputTokens;
    private long outputTokens;
    private double cost;
    private boolean costUnknown;
    private String currency = "USD";

    /** Counts {@code turn} and returns "N in · M out tokens · COST · day budget left X". */
    String add(ModelBackend.Turn turn) {
        if (turn.answer().usage() != null) {
            inputTokens += turn.answer().usage().inputTokens();
            outputTokens += turn.answer().usage().outputTokens();
        }
        if (turn.cost() == null) {
            costUnknown = true;
        } else {
            cost += turn.cost();
            currency = turn.currency() == null ? currency : turn.currency();
        }
        String budget = Double.isInfinite(turn.budgetLeft()) || Double.isNaN(turn.budgetLeft()) ? "no day budget"
                : String.format(Locale.ROOT, "day budget left %.4f %s", turn.budgetLeft(), currency);
        return line() + " · " + budget;
    }

    /** "N in · M out tokens · COST" so far. */
    private String line() {
        String money = costUnknown ? "cost unknown" : String.format(Locale.ROOT, "%.4f %s", cost, currency);
        return String.format(Locale.ROOT, "%,d in · %,d out tokens · %s", inputTokens, outputTokens, money);
    }

    Totals totals() {
        return new Totals(inputTokens, outputTokens, cost, costUnknown, currency);
    }

    /** Starts from a kept thread's totals; the footer line for them (empty when the thread used nothing yet). */
    String resume(Totals kept) {
        inputTokens = kept.inputTokens();
        outputTokens = kept.outputTokens();
        cost = kept.cost();
        costUnknown = kept.costUnknown();
        currency = kept.currency();
        return kept.equals(Totals.NONE) ? "" : line();
    }

    void reset() {
        resume(Totals.NONE);
    }
}
