/**
 * Code folding without UI: foldable regions by indentation ({@link dev.symphony.editor.fold.IndentFolding}, the
 * fallback when no language server gives ranges) and the folded state of a document that moves with its edits
 * ({@link dev.symphony.editor.fold.FoldState}).
 */
package dev.symphony.editor.fold;
