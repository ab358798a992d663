package dev.symphony.ui.terminal;

import com.pty4j.PtyProcess;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.terminal.pty.ChildProcesses;
import dev.symphony.ui.terminal.pty.CommandResult;
import dev.symphony.ui.terminal.pty.OutputCapture;
import dev.symphony.ui.terminal.pty.ProcessTree;
import dev.symphony.ui.terminal.pty.ShellCommand;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One terminal: its process on a pty, or a {@link TerminalFeed} of what runs elsewhere (the chat's agent), and what
 * the panel shows about it (title, exit status). The
 * view attaches an emulator to {@link #connector()}; this class never touches a scene node.
 */
public final class TerminalInstance {
    private final int id;
    private final ShellCommand command;
    private final PtyProcess process;
    private final Optional<ProcessHandle> handle;
    private final com.techsenger.jeditermfx.core.TtyConnector connector;
    private final TerminalFeed feed; // null for a terminal on a pty
    private final StringProperty title = new SimpleStringProperty();
    private final ObjectProperty<Integer> exitStatus = new SimpleObjectProperty<>();
    private final CompletableFuture<CommandResult> result = new CompletableFuture<>();

    TerminalInstance(int id, ShellCommand command, PtyProcess process, String title, boolean captureOutput, FxBridge bridge) {
        this.id = id;
        this.command = command;
        this.process = process;
        this.handle = ProcessTree.handleOf(process);
        this.title.set(title);
        OutputCapture capture = captureOutput ? new OutputCapture() : null;
        PtyConnector pty = new PtyConnector(process, command.command(), title, capture);
        this.connector = pty;
        this.feed = null;
        process.onExit().thenRunAsync(() -> {
            int status = process.exitValue();
            bridge.onFx(() -> exitStatus.set(status));
            if (capture != null) {
                try {
                    // the emulator may still be reading the last output; a background job can keep the pty open
                    pty.drained().get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // what was read so far is the output
                }
                result.complete(capture.result(status));
            }
        });
    }

    /** A terminal that shows {@code feed} (what runs elsewhere) instead of a process of its own; {@code command} says where. */
    TerminalInstance(int id, ShellCommand command, TerminalFeed feed, String title) {
        this.id = id;
        this.command = command;
        this.process = null;
        this.handle = Optional.empty();
        this.title.set(title);
        this.connector = feed;
        this.feed = feed;
    }

    public int id() {
        return id;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** The exit status once the process exited; null while it runs (and always for a feed). */
    public ReadOnlyObjectProperty<Integer> exitStatusProperty() {
        return exitStatus;
    }

    public boolean isRunning() {
        return process == null ? feed.isOpen() : process.isAlive();
    }

    /** True when a program other than the shell itself runs in this terminal (or the shell is not idle). */
    public boolean isBusy() {
        if (feed != null) {
            return feed.runningNow() != null;
        }
        return handle.map(h -> h.isAlive() && h.descendants().findAny().isPresent()).orElse(false);
    }

    /** The name of what runs in the terminal now: the newest child of the shell, else the shell. */
    public String runningProgram() {
        if (feed != null) {
            return java.util.Objects.requireNonNullElse(feed.runningNow(), title.get());
        }
        return handle.flatMap(h -> h.descendants().reduce((a, b) -> b))
                .flatMap(p -> p.info().command())
                .map(c -> Path.of(c).getFileName().toString())
                .orElse(command.programName());
    }

    public ShellCommand command() {
        return command;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The feed this terminal shows, when it has no process of its own. */
    public Optional<TerminalFeed> feed() {
        return Optional.ofNullable(feed);
    }

    com.techsenger.jeditermfx.core.TtyConnector connector() {
        return connector;
    }

    /** Completes with exit status and output when the process exited (only for terminals that capture). */
    CompletableFuture<CommandResult> result() {
        return result;
    }

    /** Ends the process tree (hang-up, then SIGTERM, then SIGKILL); blocks up to about half a second. */
    void kill(ChildProcesses children) {
        if (feed != null) {
            feed.closeAndStop(); // what it shows runs elsewhere: its owner stops it, as a closed terminal's process ends
            return;
        }
        children.end(process);
    }
}
