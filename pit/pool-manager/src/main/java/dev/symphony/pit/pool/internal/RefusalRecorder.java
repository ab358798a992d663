package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.Refusal;
import dev.symphony.pit.pool.api.RefusalReason;

/**
 * Keeps the numbers behind the latest refusal in primitive fields, so refusing stays allocation-free; the
 * {@link Refusal} record is built only when someone asks.
 */
final class RefusalRecorder {
    private RefusalReason reason;
    private int model;
    private long run;
    private long requested;
    private long committed;
    private long limit;

    int refuse(final RefusalReason why, final int modelId, final long runId, final long requestedAmount,
        final long committedAmount, final long limitAmount) {
        reason = why;
        model = modelId;
        run = runId;
        requested = requestedAmount;
        committed = committedAmount;
        limit = limitAmount;
        return why.code();
    }

    Refusal last(final ModelTable models) {
        if (reason == null) {
            return null;
        }
        final String name = models.isValid(model) ? models.spec(model).name() : "#" + model;
        return new Refusal(reason, name, run, requested, committed, limit);
    }
}
