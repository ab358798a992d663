package dev.symphony.ui.terminal.pty;

/**
 * A thread-safe copy of what a program wrote: at most {@link #LIMIT} characters, and when it wrote
 * more, at least the most recent three quarters of that.
 */
public final class OutputCapture {
    public static final int LIMIT = 1 << 20;
    private final StringBuilder text = new StringBuilder();
    private boolean truncated;

    public synchronized void append(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
        if (text.length() > LIMIT) {
            // drop in large steps so a chatty program does not shift the buffer on every read
            text.delete(0, text.length() - LIMIT * 3 / 4);
            truncated = true;
        }
    }

    public synchronized CommandResult result(int exitCode) {
        return new CommandResult(exitCode, text.toString(), truncated);
    }
}
