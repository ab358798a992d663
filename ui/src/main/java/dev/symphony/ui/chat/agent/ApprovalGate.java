package dev.symphony.ui.chat.agent;

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
}
