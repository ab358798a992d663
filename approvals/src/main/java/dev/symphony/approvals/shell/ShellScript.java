package dev.symphony.approvals.shell;

import java.util.List;

/**
 * A command as parsed: its parts in source order, or the reason it could not be parsed (then {@code parts} is
 * empty and the policy asks).
 */
public record ShellScript(String source, List<CommandPart> parts, String parseError) {
    public ShellScript {
        parts = List.copyOf(parts);
    }

    public boolean parsed() {
        return parseError == null;
    }
}
