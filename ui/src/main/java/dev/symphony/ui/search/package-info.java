/**
 * The Search view (Ctrl+Shift+F): search across the workspace's files with the editor's engine
 * ({@code dev.symphony.editor.search.files}), results streamed into a tree, open at a match,
 * replace across files with a preview and one undo step per file, cancel, notes for skipped files.
 */
package dev.symphony.ui.search;
