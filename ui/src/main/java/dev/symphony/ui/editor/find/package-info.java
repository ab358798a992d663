/** Find/replace and go-to-line bars of the editor view, over the core's {@code Searcher}. */
package dev.symphony.ui.editor.find;
