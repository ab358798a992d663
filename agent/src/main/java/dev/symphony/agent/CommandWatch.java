package dev.symphony.agent;

import java.nio.file.Path;

/**
 * Where an agent's commands are shown while they run (the workbench: a terminal of its own per chat thread). The
 * command runs as before — confined, its output kept for the model — and a copy of what it writes goes here as it
 * arrives, so the person watches it live. Called on the command's threads, never on a UI thread.
 */
public interface CommandWatch {
    /** Nothing is shown (headless runs, Melodies). */
    CommandWatch NONE = (commandLine, folder) -> Shown.NONE;

    /** A command starts in {@code folder}; what it writes and how it ends go to the answer. */
    Shown started(String commandLine, Path folder);

    /** One running command as shown. */
    interface Shown {
        Shown NONE = new Shown() {
            @Override
            public void output(byte[] bytes, int offset, int length) {
            }

            @Override
            public void ended(int exitCode, String how) {
            }
        };

        /** What the command wrote (output and errors together), as it arrives, every byte (not only the kept ones). */
        void output(byte[] bytes, int offset, int length);

        /**
         * The command ended with {@code exitCode}; {@code how} is "" for an ordinary end, else "stopped", "timed out"
         * or "not started: WHY" (exit code -1).
         */
        void ended(int exitCode, String how);
    }
}
