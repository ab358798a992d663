/**
 * The editor view: a virtualized JavaFX view over a {@link dev.symphony.editor.buffer.Buffer}'s rope.
 * Only the visible lines (plus a small margin) exist as scene nodes; the rope stays the only copy of
 * the text. Geometry maths ({@link dev.symphony.ui.editor.ViewportMath}) is pure and unit-tested.
 */
package dev.symphony.ui.editor;
