package dev.symphony.approvals.policy;

import dev.symphony.approvals.Decision;
import java.util.List;

/**
 * The policy's answer for one command or tool call: the decision and, for a command, each part with the rule
 * that decided it and what raised it to ask. {@code parseError} is set when the command did not parse (then
 * the decision is {@link Decision#ASK}).
 */
public record Verdict(Decision decision, String subject, List<PartVerdict> parts, String parseError) {
    public Verdict {
        parts = List.copyOf(parts);
    }

    /**
     * One part's decision. {@code rule} is where the deciding rule is written ({@code FILE:LINE ID}) or, when no
     * rule matched, {@code "no rule"}; {@code reasons} are the concerns that made an allowed part ask.
     */
    public record PartVerdict(String text, List<String> words, List<String> via, boolean wrapper, Decision decision,
                              String rule, List<String> reasons) {
        public PartVerdict {
            words = List.copyOf(words);
            via = List.copyOf(via);
            reasons = List.copyOf(reasons);
        }
    }
}
