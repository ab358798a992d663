package dev.symphony.pit.arbitration.internal;

import dev.symphony.pit.arbitration.api.Arbiter;
import dev.symphony.pit.arbitration.api.ArbiterContext;
import dev.symphony.pit.arbitration.api.Contention;
import dev.symphony.pit.arbitration.api.DecisionLog;
import dev.symphony.pit.arbitration.api.ResourceKind;
import dev.symphony.pit.arbitration.api.ScoringWeights;
import dev.symphony.pit.arbitration.api.Strategy;
import org.agrona.concurrent.EpochClock;

import java.util.Arrays;

/** The arbiter: registries, the fairness ledger, the decision kernel and the log. */
public final class DefaultArbiter implements Arbiter {
    private final ArbiterContext ctx;
    private final EpochClock clock;
    private final String[] requesterNames;
    private final String[] resourceNames;
    private final byte[] resourceKind;
    private final int[] capacity;
    private final long[] required;
    private final Strategy[] defaultStrategy;
    private final int[] previousWinner;
    private final long[] seenAt;
    private final FairnessLedger ledger;
    private final DecisionKernel kernel;
    private final RingDecisionLog log;
    private final double[] weightArray = new double[4];
    private ScoringWeights weights;
    private int requesters;
    private int resources;
    private long decisions;

    public DefaultArbiter(final ArbiterContext ctx) {
        this.ctx = ctx.conclude();
        clock = ctx.epochClock();
        requesterNames = new String[ctx.maxRequesters()];
        resourceNames = new String[ctx.maxResources()];
        resourceKind = new byte[ctx.maxResources()];
        capacity = new int[ctx.maxResources()];
        required = new long[ctx.maxResources()];
        defaultStrategy = new Strategy[ctx.maxResources()];
        previousWinner = new int[ctx.maxResources()];
        Arrays.fill(previousWinner, -1);
        seenAt = new long[ctx.maxRequesters()];
        ledger = new FairnessLedger(ctx.maxResources(), ctx.maxRequesters());
        kernel = new DecisionKernel(ctx.maxContenders());
        log = new RingDecisionLog(ctx.decisionLogCapacity(), ctx.maxContenders(), this);
        weights(ctx.weights());
    }

    @Override
    public int registerRequester(final String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("requester name must not be blank");
        }
        if (requesters == requesterNames.length) {
            throw new IllegalStateException("too many requesters (" + requesters + "); raise maxRequesters");
        }
        requesterNames[requesters] = name;
        return requesters++;
    }

    @Override
    public int registerResource(final ResourceKind kind, final String name, final int cap, final long requiredCaps,
        final Strategy strategy) {
        if (name == null || name.isBlank() || kind == null || strategy == null) {
            throw new IllegalArgumentException("resource needs a kind, a name and a default strategy");
        }
        if (cap < 1) {
            throw new IllegalArgumentException("resource '" + name + "': capacity must be >= 1, was " + cap);
        }
        if (resources == resourceNames.length) {
            throw new IllegalStateException("too many resources (" + resources + "); raise maxResources");
        }
        resourceNames[resources] = name;
        resourceKind[resources] = (byte)kind.ordinal();
        capacity[resources] = cap;
        required[resources] = requiredCaps;
        defaultStrategy[resources] = strategy;
        return resources++;
    }

    @Override
    public Contention newContention() {
        return new ContentionBuffer(this, ctx.maxContenders());
    }

    @Override
    public int decide(final Contention contention) {
        if (!(contention instanceof ContentionBuffer) || ((ContentionBuffer)contention).owner != this) {
            throw new IllegalArgumentException("contention must come from this arbiter's newContention()");
        }
        final ContentionBuffer c = (ContentionBuffer)contention;
        final int r = c.resource;
        if (r < 0 || r >= resources) {
            throw new IllegalArgumentException("unknown resource id " + r + " (call reset(resource) first)");
        }
        if (c.size == 0) {
            throw new IllegalArgumentException("resource '" + resourceNames[r] + "': a decision needs contenders");
        }
        final long sequence = ++decisions;
        final Strategy requested = c.strategy != null ? c.strategy : defaultStrategy[r];
        final boolean anySpecialist = score(c, r, sequence);
        final boolean fallback = requested == Strategy.SPECIALIZATION && !anySpecialist;
        final Strategy strategy = fallback ? Strategy.PRIORITIZATION : requested;
        if (requested == Strategy.SPECIALIZATION && anySpecialist) {
            for (int i = 0; i < c.size; i++) {
                kernel.eligible[i] = kernel.fit[i] > 0;
            }
        }
        selectWinners(c, r, strategy);
        settle(c, r, sequence, strategy == Strategy.COLLABORATIVE);
        writeLog(c, r, sequence, requested, fallback);
        c.sequence = sequence;
        return c.winners[0];
    }

    /** Validates and scores every contender; returns whether any offers a required capability. */
    private boolean score(final ContentionBuffer c, final int r, final long sequence) {
        final DecisionKernel k = kernel;
        final long stamp = sequence;
        boolean anySpecialist = false;
        for (int i = 0; i < c.size; i++) {
            final int q = c.requester[i];
            if (q < 0 || q >= requesters) {
                throw new IllegalArgumentException("unknown requester id " + q + " in contention for '"
                    + resourceNames[r] + "'");
            }
            if (seenAt[q] == stamp) {
                throw new IllegalArgumentException("requester '" + requesterNames[q] + "' contends twice for '"
                    + resourceNames[r] + "'");
            }
            seenAt[q] = stamp;
            k.score[i] = weightArray[0] * c.businessValue[i] + weightArray[1] * c.userImpact[i]
                + weightArray[2] * c.costEfficiency[i] + weightArray[3] * c.learningValue[i];
            final int lost = ledger.lost(r, q);
            k.waited[i] = lost;
            k.since[i] = ledger.since(r, q);
            k.bonus[i] = ctx.agingBonusPerLoss() * lost;
            k.starving[i] = lost >= ctx.starvationThreshold();
            k.fit[i] = DecisionKernel.fit(c.capabilities[i], required[r], c.proficiency[i]);
            anySpecialist |= k.fit[i] > 0;
            k.eligible[i] = true;
            k.won[i] = false;
            k.rank[i] = -1;
            k.share[i] = 0;
        }
        return anySpecialist;
    }

    private void selectWinners(final ContentionBuffer c, final int r, final Strategy strategy) {
        final DecisionKernel k = kernel;
        final int places = strategy == Strategy.COLLABORATIVE ? Math.min(capacity[r], c.size) : 1;
        int count = 0;
        while (count < places) {
            final int i = k.pickStarving(c);
            if (i < 0) {
                break;
            }
            win(c, i, count++);
        }
        while (count < places) {
            final int i = k.pick(strategy, c, previousWinner[r], ctx.maxRequesters());
            if (i < 0) {
                break;
            }
            win(c, i, count++);
        }
        c.winnerCount = count;
        previousWinner[r] = c.winners[count - 1];
    }

    private void win(final ContentionBuffer c, final int i, final int rank) {
        kernel.won[i] = true;
        kernel.rank[i] = rank;
        c.winners[rank] = c.requester[i];
    }

    /** Shares, then the fairness ledger: winners stop waiting, eligible losers wait one decision longer. */
    private void settle(final ContentionBuffer c, final int r, final long sequence, final boolean divide) {
        final DecisionKernel k = kernel;
        double total = 0;
        for (int i = 0; i < c.size; i++) {
            if (k.won[i]) {
                total += k.score[i] + 1e-9; // a tiny floor so that all-zero scores still split evenly
            }
        }
        for (int i = 0; i < c.size; i++) {
            final int q = c.requester[i];
            if (k.won[i]) {
                k.share[i] = divide ? (k.score[i] + 1e-9) / total : 1.0;
                c.shares[k.rank[i]] = k.share[i];
                ledger.won(r, q);
            } else if (k.eligible[i]) {
                ledger.lostAgain(r, q, sequence);
            }
        }
    }

    private void writeLog(final ContentionBuffer c, final int r, final long sequence, final Strategy strategy,
        final boolean fallback) {
        final DecisionKernel k = kernel;
        final int slot = log.begin(sequence, clock.time(), r, resourceKind[r], strategy.ordinal(), fallback,
            c.winnerCount, c.size, weightArray);
        for (int i = 0; i < c.size; i++) {
            log.contender(slot, i, c.requester[i], c.businessValue[i], c.userImpact[i], c.costEfficiency[i],
                c.learningValue[i], k.score[i], k.bonus[i], k.fit[i], k.waited[i], k.share[i], k.won[i],
                k.starving[i], k.rank[i]);
        }
        log.commit(slot, sequence);
    }

    @Override
    public void weights(final ScoringWeights newWeights) {
        final ScoringWeights n = newWeights.normalized();
        weights = newWeights;
        weightArray[0] = n.businessValue();
        weightArray[1] = n.userImpact();
        weightArray[2] = n.costEfficiency();
        weightArray[3] = n.learningValue();
    }

    @Override
    public ScoringWeights weights() {
        return weights;
    }

    @Override
    public int waited(final int resource, final int requester) {
        return ledger.lost(resource, requester);
    }

    @Override
    public void withdraw(final int resource, final int requester) {
        ledger.won(resource, requester);
    }

    @Override
    public DecisionLog log() {
        return log;
    }

    @Override
    public String requesterName(final int requester) {
        return requester >= 0 && requester < requesters ? requesterNames[requester] : "#" + requester;
    }

    @Override
    public String resourceName(final int resource) {
        return resource >= 0 && resource < resources ? resourceNames[resource] : "#" + resource;
    }
}
