package dev.symphony.agent;

import dev.symphony.approvals.policy.Verdict;
import java.util.concurrent.CompletableFuture;

/** Where an agent's step that the policy says to ask about waits for the person: true to accept, false to reject. */
public interface ApprovalGate {
    /**
     * @param title   what the step does, in a line ("Run grep -c … > check.log", "Edit hello.txt")
     * @param detail  what the person reviews: the command's parts with their rules, or the edit's diff
     * @param verdict the policy's answer (its decision is ask)
     */
    CompletableFuture<Boolean> ask(String title, String detail, Verdict verdict);

    /** How a rejection at this gate reads to the model ("rejected by the user"); a gate nobody answers says so instead. */
    default String rejection() {
        return "rejected by the user";
    }

    /**
     * An edit reviewed change by change: the answer has one entry per hunk, true to apply it (all false: rejected).
     * Without a review of its own, the gate asks about the whole edit.
     */
    default CompletableFuture<java.util.List<Boolean>> askHunks(String title, java.util.List<EditHunks.Hunk> hunks, Verdict verdict) {
        String detail = String.join("\n", hunks.stream().map(EditHunks.Hunk::text).toList());
        return ask(title, detail, verdict).thenApply(yes -> java.util.Collections.nCopies(hunks.size(), yes));
    }

    /**
     * A proposed edit the person reviews, with its texts (before: the buffer at the edit's base revision; after: the
     * proposal) for a gate that shows them side by side. The answer has one entry per hunk, true to apply it. Without
     * a review of its own, the gate asks change by change when there are several ({@link #askHunks}), else about the
     * whole edit with its {@code diff}.
     */
    default CompletableFuture<java.util.List<Boolean>> askEdit(String title, ProposedEdit edit, String diff,
            java.util.List<EditHunks.Hunk> hunks, Verdict verdict) {
        if (hunks.size() > 1) {
            return askHunks(title, hunks, verdict);
        }
        return ask(title, diff, verdict).thenApply(yes -> java.util.Collections.nCopies(hunks.size(), yes));
    }
}
