package dev.symphony.ui.chat;

import dev.symphony.agent.ModelBackend;
import java.util.Locale;

/** A thread's tokens and money so far, and the footer line that says them with the day's budget left. */
final class ThreadUsage {
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
        String money = costUnknown ? "cost unknown" : String.format(Locale.ROOT, "%.4f %s", cost, currency);
        String budget = Double.isInfinite(turn.budgetLeft()) || Double.isNaN(turn.budgetLeft()) ? "no day budget"
                : String.format(Locale.ROOT, "day budget left %.4f %s", turn.budgetLeft(), currency);
        return String.format(Locale.ROOT, "%,d in · %,d out tokens · %s · %s", inputTokens, outputTokens, money, budget);
    }

    void reset() {
        inputTokens = outputTokens = 0;
        cost = 0;
        costUnknown = false;
    }
}
