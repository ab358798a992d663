package dev.symphony.agent.melody;

import dev.symphony.agent.ApprovalGate;
import dev.symphony.approvals.policy.Verdict;
import java.util.concurrent.CompletableFuture;

/**
 * The approval gate of a Melody's agent phase: nobody can be asked in the middle of a node, so every step the policy
 * asks about is refused, and the model is told why. Edits do not come here (they are staged, and the approval node
 * after the phase asks about them); a command the policy asks about needs an allow rule in the user's policy.json to
 * run unattended.
 */
final class HeadlessGate implements ApprovalGate {
    @Override
    public CompletableFuture<Boolean> ask(String title, String detail, Verdict verdict) {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    public String rejection() {
        return "not approved: nobody can answer the approval policy's question inside a Melody's agent phase"
                + " (an allow rule in policy.json lets a command run unattended; edits are staged for the approval after the phase)";
    }
}
