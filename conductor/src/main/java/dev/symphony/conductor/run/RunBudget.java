package dev.symphony.conductor.run;

/** What a run (and its nested loops and sub-Melodies) spent against the Melody's budget; thread-safe. */
final class RunBudget {
    final double limit;
    private double spent;

    RunBudget(double limit, double spent) {
        this.limit = limit;
        this.spent = spent;
    }

    synchronized double left() {
        return limit - spent;
    }

    synchronized void charge(double c) {
        spent += c;
    }

    /** Charges {@code c} unless that would exceed the limit (check and charge in one step: calls run in parallel). */
    synchronized boolean tryCharge(double c) {
        if (spent + c > limit + 1e-9) {
            return false;
        }
        spent += c;
        return true;
    }

    synchronized double spent() {
        return spent;
    }
}
