package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.RunUsage;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Spending of Melody runs and workspaces, in micros. A call reserves its estimated cost when it is allocated and
 * is charged its actual cost on release, so concurrent calls of one run cannot together overshoot the budget.
 * Accounts are created off the hot path (openRun / setWorkspaceBudget); lookups on it use primitive-keyed maps.
 */
final class Accounts {
    static class Account {
        long budget = Long.MAX_VALUE;
        long spent;
        long reserved;
        long calls;
        long tokens;

        long committed() {
            return spent + reserved;
        }

        /** True when {@code amount} more still fits; written to avoid overflow with unlimited budgets. */
        boolean fits(final long amount) {
            final long committed = committed();
            return amount <= budget - committed && committed <= budget;
        }
    }

    static final class RunAccount extends Account {
        final long runId;
        final Account workspace;
        final int workspaceId;
        int lastModel = -1;
        int slotsHeld;

        RunAccount(final long runId, final int workspaceId, final Account workspace) {
            this.runId = runId;
            this.workspaceId = workspaceId;
            this.workspace = workspace;
        }
    }

    private final Long2ObjectHashMap<RunAccount> runs = new Long2ObjectHashMap<>();
    private final Int2ObjectHashMap<Account> workspaces = new Int2ObjectHashMap<>();

    void setWorkspaceBudget(final int workspaceId, final long budgetMicros) {
        if (budgetMicros < 0) {
            throw new IllegalArgumentException("workspace " + workspaceId + ": budget must be >= 0");
        }
        workspace(workspaceId).budget = budgetMicros;
    }

    private Account workspace(final int workspaceId) {
        Account account = workspaces.get(workspaceId);
        if (account == null) {
            account = new Account();
            workspaces.put(workspaceId, account);
        }
        return account;
    }

    void openRun(final long runId, final int workspaceId, final long budgetMicros) {
        if (budgetMicros < 0) {
            throw new IllegalArgumentException("run " + runId + ": budget must be >= 0");
        }
        if (runs.containsKey(runId)) {
            throw new IllegalStateException("run " + runId + " is already open");
        }
        final RunAccount account = new RunAccount(runId, workspaceId, workspace(workspaceId));
        account.budget = budgetMicros;
        runs.put(runId, account);
    }

    RunAccount run(final long runId) {
        return runs.get(runId);
    }

    RunUsage close(final long runId) {
        final RunAccount account = runs.get(runId);
        if (account == null) {
            throw new IllegalArgumentException("run " + runId + " is not open");
        }
        if (account.slotsHeld != 0) {
            throw new IllegalStateException("run " + runId + " still holds " + account.slotsHeld + " slot(s) (reserved "
                + account.reserved + " micros); release them before closing the run");
        }
        runs.remove(runId);
        return new RunUsage(runId, account.workspaceId, account.spent, account.budget, account.calls, account.tokens);
    }

    static void reserve(final RunAccount run, final long amount) {
        run.slotsHeld++;
        run.reserved += amount;
        run.workspace.reserved += amount;
    }

    static void settle(final RunAccount run, final long reserved, final long actual, final long tokens) {
        run.slotsHeld--;
        run.reserved -= reserved;
        run.workspace.reserved -= reserved;
        run.spent += actual;
        run.workspace.spent += actual;
        run.calls++;
        run.tokens += tokens;
        run.workspace.calls++;
        run.workspace.tokens += tokens;
    }

    /** Gives a reservation back without charging (the call never happened: its model failed). */
    static void refund(final RunAccount run, final long reserved) {
        run.slotsHeld--;
        run.reserved -= reserved;
        run.workspace.reserved -= reserved;
    }
}
