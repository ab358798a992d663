package dev.symphony.ui.terminal.pty;

import java.util.concurrent.CompletableFuture;

/**
 * The command API other parts of the IDE use (a Melody Operator, an agent tool): run a command in a
 * new terminal and learn its exit status and output. The workbench's implementation shows the
 * terminal in the panel so the person sees (and may type into) it; {@link HeadlessTerminalRunner}
 * runs it on a pty with no window. Either way the program sees a real terminal (colours, widths,
 * {@code isatty}).
 */
public interface TerminalRunner {
    /**
     * Starts the command; the future completes when it has exited and its output was read, or
     * exceptionally when it could not start.
     */
    CompletableFuture<CommandResult> run(CommandRequest request);
}
