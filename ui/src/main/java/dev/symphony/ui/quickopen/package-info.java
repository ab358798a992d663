/**
 * Quick Open (Ctrl+P): fuzzy search over the workspace's file names, recently opened first,
 * {@code file:line}. The index is walked off the JavaFX thread with the search's filters
 * ({@code .gitignore}, hidden files, {@code files.exclude}) and kept current from the file tree's watcher.
 */
package dev.symphony.ui.quickopen;
