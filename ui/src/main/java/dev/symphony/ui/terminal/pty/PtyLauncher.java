package dev.symphony.ui.terminal.pty;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts programs on a pseudo-terminal (pty4j: a native pty on Linux and macOS, ConPTY on
 * Windows) and hands every one to {@link ChildProcesses}, so that none outlives the IDE.
 */
public final class PtyLauncher {
    /** The system property through which pty4j is told where to unpack its native library. */
    static final String NATIVE_FOLDER_PROPERTY = "pty4j.tmpdir";
    private final ChildProcesses children;

    /**
     * @param nativeCache where pty4j unpacks its native library, once, and reuses it on later
     *                    starts (it checks the files' digests); without it pty4j makes a new
     *                    temporary folder on every start
     */
    public PtyLauncher(Path nativeCache, ChildProcesses children) {
        this.children = children;
        useNativeCache(nativeCache);
    }

    /**
     * Starts the command on a new pty of its size.
     *
     * @throws IOException naming the program or folder when the program is not found or the start
     *                     folder does not exist
     */
    public PtyProcess start(ShellCommand shell) throws IOException {
        if (!Files.isDirectory(shell.directory())) {
            throw new IOException("cannot start " + shell.programName() + ": the start folder "
                    + shell.directory() + " does not exist (setting " + ShellSettings.CWD + ")");
        }
        String program = shell.command().get(0);
        if (ProgramPath.find(program, shell.environment(), shell.directory()).isEmpty()) {
            throw new IOException("cannot start " + program + ": no such program"
                    + (program.contains("/") || program.contains("\\") ? "" : " on the PATH"));
        }
        PtyProcess process = new PtyProcessBuilder(sizedBeforeExec(shell).toArray(String[]::new))
                .setEnvironment(shell.environment())
                .setDirectory(shell.directory().toString())
                .setInitialColumns(shell.columns())
                .setInitialRows(shell.rows())
                .setRedirectErrorStream(true)
                .setUseWinConPty(true)
                // what a short-lived program printed just before it exited is still read
                .setUnixOpenTtyToPreserveOutputAfterTermination(true)
                .start();
        children.adopt(process);
        return process;
    }

    /**
     * pty4j sets the window size just after the program started, so a quick program may still see
     * 0x0; on Unix a tiny {@code sh} sets it first and then becomes the program (same pid).
     */
    private static List<String> sizedBeforeExec(ShellCommand shell) {
        if (LoginShell.isWindows() || !Files.isExecutable(Path.of("/bin/sh"))) {
            return shell.command();
        }
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c",
                "stty rows " + shell.rows() + " cols " + shell.columns() + " 2>/dev/null; exec \"$@\"", "sh"));
        wrapped.addAll(shell.command());
        return wrapped;
    }

    public ChildProcesses children() {
        return children;
    }

    /**
     * pty4j reads its native folder from a system property only, so this one global setting is
     * unavoidable; the first workbench of the JVM decides it, later ones reuse it.
     */
    private static synchronized void useNativeCache(Path folder) {
        if (System.getProperty(NATIVE_FOLDER_PROPERTY) != null) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the pty4j native cache folder " + folder, e);
        }
        System.setProperty(NATIVE_FOLDER_PROPERTY, folder.toAbsolutePath().toString());
    }
}
