/**
 * A document being edited: the current rope, its selections and its revision graph (undo tree).
 * Single writer; edits computed elsewhere against an older revision are rebased or rejected.
 * See {@code editor/docs/revisions.md}.
 */
package dev.symphony.editor.buffer;
