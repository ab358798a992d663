package dev.symphony.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalInt;

/** Where an agent's steps that may write are recorded as checkpoints: {@link #begin} before the step, {@link Step#end} after it. */
public interface StepRecorder {
    /** A step under way. */
    interface Step {
        /** The checkpoint's id when the step changed a file; empty when it changed none. */
        OptionalInt end() throws IOException;
    }

    /**
     * @param files the files the step may touch, or null for any file of the workspace (a command)
     * @throws IOException when the checkpoint cannot be recorded: the step must not run then
     */
    Step begin(String title, Collection<Path> files) throws IOException;

    /** Records nothing (tests of other things, plain chat). */
    StepRecorder NONE = (title, files) -> OptionalInt::empty;
}
