package dev.symphony.agent;

import dev.symphony.editor.text.ChangeSet;
import java.nio.file.Path;

/**
 * An edit an agent proposed: the change against the text it saw ({@code before}), stamped with the revision of the
 * open buffer it was computed on ({@code baseRevision}), or {@link #ON_DISK} when the file was not open.
 */
public record ProposedEdit(Path file, long baseRevision, String before, String after, ChangeSet change) {
    public static final long ON_DISK = -1;
}
