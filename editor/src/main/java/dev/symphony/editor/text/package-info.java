/**
 * The document text: {@link dev.symphony.editor.text.Rope}, a persistent rope over the generic
 * {@link dev.symphony.editor.tree.SumTree}, with its per-chunk {@link dev.symphony.editor.text.TextSummary}
 * (UTF-16 units, code points, line breaks). Offsets are UTF-16 units, as in {@link java.lang.String}.
 */
package dev.symphony.editor.text;
