package dev.symphony.agent;

import java.io.IOException;
import java.nio.file.Path;

/** The workspace's files as an agent edits them: through the open buffer when the file is open, else on disk. */
public interface WorkspaceEdits {
    /** The text of {@code file} as the person sees it: the open buffer's, else the file's. */
    String read(Path file) throws IOException;

    /** A change replacing the one occurrence of {@code oldText} with {@code newText}, stamped with its base. */
    ProposedEdit propose(Path file, String oldText, String newText) throws IOException;

    /**
     * Applies {@code edit} (rebased onto the buffer's head when the person typed elsewhere since) and saves the file.
     * Throws {@link dev.symphony.editor.buffer.StaleEditException} when the text it touches changed meanwhile.
     */
    void apply(ProposedEdit edit) throws IOException, dev.symphony.editor.buffer.StaleEditException;

    /**
     * True when {@link #apply} only stages the edit (a Melody's agent phase): nothing reaches the workspace until the
     * approval after the phase, so the policy's ask for an edit moves there instead of stopping the phase.
     */
    default boolean stages() {
        return false;
    }

    /** What the model is told once {@code path}'s edit is applied (or staged). */
    default String applied(String path) {
        return "applied: " + path + " changed and saved";
    }

    /** The staged texts by relative path ({@code /}), which commands see over the workspace; empty when nothing stages. */
    default java.util.Map<String, String> staged() {
        return java.util.Map.of();
    }
}
