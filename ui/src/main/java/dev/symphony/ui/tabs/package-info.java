/** Open files as tabs, each an editor view over the document's rope-backed buffer. */
package dev.symphony.ui.tabs;
