package dev.symphony.editor.buffer;

/** Why an edit happened; decides how edits group into undo steps. */
public enum EditKind {
    /** Typed characters: consecutive typing at the carets is one undo step per word. */
    TYPING,
    /** Backspace/Delete at the carets: consecutive deletions merge. */
    DELETING,
    /** Paste, command, formatter, multi-line action: always its own undo step. */
    COMMAND,
    /** Computed elsewhere (extension, agent) and rebased onto this buffer: its own undo step. */
    EXTERNAL
}
