package dev.symphony.editor.buffer;

import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;

/** Told of every text change of a {@link Buffer}, on the buffer's (single) writer thread. */
@FunctionalInterface
public interface BufferListener {

    /** {@code change} turns {@code before} into {@code after}; null for undo, redo and history jumps. */
    void onTextChanged(Rope before, Rope after, ChangeSet change);
}
