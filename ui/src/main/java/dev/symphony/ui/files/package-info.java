/** The file tree of the open folder: lazy, watched, with file operations. */
package dev.symphony.ui.files;
