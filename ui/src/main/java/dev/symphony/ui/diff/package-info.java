/**
 * The diff view: two texts compared side by side or inline, the editor view on each side, changed
 * lines and words coloured, next/previous change, and reverting or accepting one change where a side
 * may be edited. "Compare with Saved" and "Compare with Selected" open it, and so do the Git extension's diff
 * editor and an agent's edit, reviewed change by change ({@link dev.symphony.ui.diff.DiffEditors#review},
 * {@link dev.symphony.ui.diff.ChangeReview}).
 */
package dev.symphony.ui.diff;
