package dev.symphony.ui.chat;

import dev.symphony.agent.AgentTools;
import dev.symphony.agent.ApprovalGate;
import dev.symphony.agent.StepRecorder;
import dev.symphony.agent.checkpoint.Checkpoints;
import java.util.Set;

/** The open folder as the chat's agent sees it: its tools, its checkpoints, and the editor's tabs of its files. */
public interface AgentWorkspace {
    /**
     * The agent's tools over the open folder, gated by {@code gate}, steps recorded by {@code steps}, its commands shown
     * as the chat thread titled {@code thread}'s; null when no folder is open.
     */
    AgentTools tools(ApprovalGate gate, StepRecorder steps, String thread);

    /** The open folder's checkpoints (kept in the checkpoint store under the data folder, so they outlive the window); null when no folder is open. */
    Checkpoints checkpoints();

    /** On the JavaFX thread: the files (relative to the folder) whose tabs have unsaved edits. */
    Set<String> unsaved();

    /** The open folder (its rules files go with every request); null when none is open. On the JavaFX thread. */
    default java.nio.file.Path folder() {
        return null;
    }
}
