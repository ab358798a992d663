package dev.symphony.pit.arbitration.internal;

import java.util.Arrays;

/**
 * Per (resource, requester): decisions lost in a row, and the ticket (decision sequence) at which the current
 * wait began. Flat arrays indexed {@code resource * maxRequesters + requester}.
 */
final class FairnessLedger {
    static final long NOT_WAITING = Long.MAX_VALUE;

    private final int maxRequesters;
    private final int[] lost;
    private final long[] since;

    FairnessLedger(final int maxResources, final int maxRequesters) {
        this.maxRequesters = maxRequesters;
        lost = new int[maxResources * maxRequesters];
        since = new long[maxResources * maxRequesters];
        Arrays.fill(since, NOT_WAITING);
    }

    int lost(final int resource, final int requester) {
        return lost[resource * maxRequesters + requester];
    }

    long since(final int resource, final int requester) {
        return since[resource * maxRequesters + requester];
    }

    void won(final int resource, final int requester) {
        final int k = resource * maxRequesters + requester;
        lost[k] = 0;
        since[k] = NOT_WAITING;
    }

    void lostAgain(final int resource, final int requester, final long decision) {
        final int k = resource * maxRequesters + requester;
        if (lost[k] < Integer.MAX_VALUE) {
            lost[k]++;
        }
        if (since[k] == NOT_WAITING) {
            since[k] = decision;
        }
    }
}
