package dev.symphony.ui.editor;

/**
 * What every visible line is painted with during one layout pass; {@code version} changes whenever
 * one of the others does, so a line slot knows its nodes are stale.
 */
record RenderContext(EditorMetrics metrics, EditorColors colors, int tabSize, int wrapColumns, long version) {
    boolean wraps() {
        return wrapColumns > 0;
    }
}
