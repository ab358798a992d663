/**
 * A generic persistent B-tree whose nodes carry a monoid summary of their subtree (a "sum tree",
 * after xi-editor and Zed). The rope is this tree over text chunks; seeking by any summary
 * dimension is O(log n). Trees are immutable: every update copies one root-to-leaf path.
 */
package dev.symphony.editor.tree;
