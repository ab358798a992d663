/**
 * Multiple selections and cursors: the immutable {@link dev.symphony.editor.selection.SelectionSet} and
 * the operations that turn it and a rope into one transaction (type, delete, move, add cursors).
 * Everything is O(cursors · log n), so 10,000 cursors stay interactive.
 */
package dev.symphony.editor.selection;
