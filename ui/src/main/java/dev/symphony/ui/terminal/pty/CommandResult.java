package dev.symphony.ui.terminal.pty;

/**
 * How a command run in a terminal ended.
 *
 * @param exitCode  the exit status; for a program ended by a signal, 128 + the signal number
 * @param output    what it wrote to the terminal, escape sequences included (only the end
 *                  when it wrote more than {@link OutputCapture#LIMIT} characters)
 * @param truncated true when the start of the output was dropped to stay within the limit
 */
public record CommandResult(int exitCode, String output, boolean truncated) {
    /** The output as plain text: no escape sequences, {@code \n} line ends, overwritten text gone. */
    public String text() {
        return AnsiText.plain(output);
    }
}
