/**
 * The VirtualNode renderer: an extension's view arrives as a JSON tree of VirtualNodes ({@code id}, {@code component},
 * {@code props}, {@code children}, {@code handlers}), is checked off the JavaFX thread ({@link dev.symphony.ui.addons.VirtualTreeReader}:
 * a bad tree is rejected with the JSON path of the problem), compared by node id with the tree on screen
 * ({@link dev.symphony.ui.addons.TreeDiff}), and only what changed is applied to the JavaFX nodes
 * ({@link dev.symphony.ui.addons.VirtualRenderer}). User actions go back to the extension as {@code UiEvent} records
 * over the bus ({@link dev.symphony.ui.addons.AddonViewPane}).
 */
package dev.symphony.ui.addons;
