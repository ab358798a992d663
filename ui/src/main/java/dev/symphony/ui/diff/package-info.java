/**
 * The diff view: two texts compared side by side or inline, the editor view on each side, changed
 * lines and words coloured, next/previous change, and reverting or accepting one change where a side
 * may be edited. "Compare with Saved" and "Compare with Selected" open it; the Git extension's diff
 * editor and agent edit review are meant to open it too ({@link dev.symphony.ui.diff.DiffEditors}).
 */
package dev.symphony.ui.diff;
