/**
 * Search across the files of a folder with the editor's own search engine ({@link
 * dev.symphony.editor.search.SearchQuery}, {@link dev.symphony.editor.search.LiteralPrefilter}):
 * files chosen by {@link dev.symphony.editor.workspace.WorkspaceWalker} with ripgrep's defaults,
 * searched in parallel, read in bounded chunks, results streamed file by file, cancellable.
 * Used by the workbench's Search view and by {@code symphony search}.
 */
package dev.symphony.editor.search.files;
