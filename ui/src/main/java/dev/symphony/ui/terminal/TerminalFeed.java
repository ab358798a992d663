package dev.symphony.ui.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.io.IOException;

/**
 * A terminal that shows what another part of the workbench runs (the chat's agent runs its commands confined, on
 * processes of its own): text appended from any thread is what the emulator reads, line ends made {@code \r\n} as a
 * pty would. Read-only: what the person types here goes nowhere. At most {@link #LIMIT} characters wait for an
 * emulator (the panel may not be built yet); beyond that the oldest are dropped. Closing the tab while something runs
 * stops it the way its owner stops it ({@link #running(String, Runnable)}), as closing a terminal ends its process.
 */
public final class TerminalFeed implements TtyConnector {
    static final int LIMIT = 1 << 20;
    private final String name;
    private final StringBuilder pending = new StringBuilder();
    private boolean closed;
    private volatile String running;
    private volatile Runnable stop = () -> { };

    TerminalFeed(String name) {
        this.name = name;
    }

    /** Shows {@code text} (escape sequences allowed) after what was shown. A closed feed drops it. */
    public synchronized void append(String text) {
        if (closed || text.isEmpty()) {
            return;
        }
        pending.append(text.replace("\r\n", "\n").replace("\n", "\r\n"));
        if (pending.length() > LIMIT) {
            pending.delete(0, pending.length() - LIMIT * 3 / 4);
        }
        notifyAll();
    }

    /**
     * What runs now (a command line), or null when nothing does: a terminal that runs something asks before it closes,
     * and closing it then calls {@code stop} (from a background thread).
     */
    public void running(String commandLine, Runnable stop) {
        this.stop = commandLine == null ? () -> { } : stop;
        this.running = commandLine;
    }

    /** The tab closes: what runs is stopped (as its owner's Stop does), and nothing more is shown. */
    void closeAndStop() {
        Runnable stopping = running == null ? null : stop;
        close();
        if (stopping != null) {
            stopping.run();
        }
    }

    String runningNow() {
        return running;
    }

    /** False once the tab was closed; the owner then opens another. */
    public synchronized boolean isOpen() {
        return !closed;
    }

    @Override
    public synchronized int read(char[] buf, int offset, int length) throws IOException {
        while (pending.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("the terminal's reader was interrupted");
            }
        }
        if (pending.isEmpty()) {
            return -1;
        }
        int n = Math.min(length, pending.length());
        pending.getChars(0, n, buf, offset);
        pending.delete(0, n);
        return n;
    }

    @Override
    public void write(byte[] bytes) {
        // read-only: the program runs elsewhere and reads no input
    }

    @Override
    public void write(String string) {
        // read-only, as above
    }

    @Override
    public synchronized boolean isConnected() {
        return !closed;
    }

    @Override
    public synchronized int waitFor() throws InterruptedException {
        while (!closed) {
            wait();
        }
        return 0;
    }

    @Override
    public synchronized boolean ready() {
        return !pending.isEmpty();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
