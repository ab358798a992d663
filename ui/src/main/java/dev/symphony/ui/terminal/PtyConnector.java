package dev.symphony.ui.terminal;

import com.pty4j.PtyProcess;
import com.pty4j.WinSize;
import com.techsenger.jeditermfx.core.ProcessTtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import dev.symphony.ui.terminal.pty.OutputCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Connects the emulator to a pty process: window size changes go to the pty (so programs get
 * SIGWINCH), and what the program writes may also be copied for the command API.
 */
final class PtyConnector extends ProcessTtyConnector {
    private final PtyProcess process;
    private final String name;
    private final OutputCapture capture;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    /** @param capture where the output is copied, or null */
    PtyConnector(PtyProcess process, List<String> commandLine, String name, OutputCapture capture) {
        super(process, StandardCharsets.UTF_8, commandLine);
        this.process = process;
        this.name = name;
        this.capture = capture;
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buf, offset, length);
        } catch (IOException e) {
            drained.complete(null);
            throw e;
        }
        if (n < 0) {
            drained.complete(null);
        } else if (capture != null) {
            capture.append(buf, offset, n);
        }
        return n;
    }

    @Override
    public void resize(TermSize size) {
        if (process.isAlive()) {
            process.setWinSize(new WinSize(size.getColumns(), size.getRows()));
        }
    }

    /** Completes when the emulator read everything the program wrote (end of stream). */
    CompletableFuture<Void> drained() {
        return drained;
    }

    @Override
    public void close() {
        drained.complete(null);
        super.close();
    }

    @Override
    public boolean isConnected() {
        return process.isAlive();
    }

    @Override
    public String getName() {
        return name;
    }
}
