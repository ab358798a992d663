package dev.symphony.editor.selection;

import dev.symphony.editor.text.ChangeSet;

/** What one command does: a change to the text (possibly empty) and the selections afterwards. */
public record Transaction(ChangeSet change, SelectionSet selectionsAfter) {
}
