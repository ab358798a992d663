/**
 * Comparing two texts: line changes ({@link dev.symphony.editor.diff.TextDiff}) with the words that
 * differ inside each changed block, the edits that revert or accept one change, and the composed text
 * of an inline diff. The diff view, the Git extension's diff editor and agent edit review all read
 * this model. Nothing here touches a UI.
 */
package dev.symphony.editor.diff;
