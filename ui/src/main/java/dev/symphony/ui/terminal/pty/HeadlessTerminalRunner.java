package dev.symphony.ui.terminal.pty;

import com.pty4j.PtyProcess;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs commands on a pty with no window: for callers with no workbench (tests, a headless
 * conductor run). The program still sees a terminal ({@code isatty}, {@code TERM}, a size).
 */
public final class HeadlessTerminalRunner implements TerminalRunner {
    private final PtyLauncher launcher;
    private final Supplier<ShellCommand> defaults;

    /**
     * @param defaults the shell the settings describe: its environment, start folder and size are
     *                 what a request does not say itself
     */
    public HeadlessTerminalRunner(PtyLauncher launcher, Supplier<ShellCommand> defaults) {
        this.launcher = launcher;
        this.defaults = defaults;
    }

    @Override
    public CompletableFuture<CommandResult> run(CommandRequest request) {
        ShellCommand command = resolve(defaults.get(), request);
        PtyProcess process;
        try {
            process = launcher.start(command);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        OutputCapture capture = new OutputCapture();
        CompletableFuture<Void> drained = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                char[] buffer = new char[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    capture.append(buffer, 0, n);
                }
            } catch (IOException e) {
                // the pty closed: that is how reading ends on some platforms
            } finally {
                drained.complete(null);
            }
        }, "terminal-runner-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return process.onExit().thenApplyAsync(exited -> {
            try {
                // a background job may keep the pty open; what was written up to now is the output
                drained.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // timed out: return what was read
            }
            launcher.children().end(process);
            return capture.result(process.exitValue());
        });
    }

    /** The request's command with the defaults' environment, folder and size filling the gaps. */
    public static ShellCommand resolve(ShellCommand defaults, CommandRequest request) {
        Map<String, String> environment = new LinkedHashMap<>(defaults.environment());
        environment.putAll(request.environment());
        Path directory = request.directory() != null ? request.directory() : defaults.directory();
        return new ShellCommand(request.command(), environment, directory, defaults.columns(), defaults.rows());
    }
}
