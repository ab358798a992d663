package dev.symphony.ui.tabs;

import dev.symphony.ui.editor.EditorPane;

/**
 * A tab's content that wraps a document's editor in a view of its own (the Harmony Board's Melody tab shows the
 * same document as a board or as JSON text): which editor the editor commands act on, and what to free on close.
 */
public interface TabContent {
    /** The editor while it is the one shown; null while the other view is (editor commands then do nothing). */
    EditorPane shownEditor();

    /** The tab closed. */
    void dispose();
}
