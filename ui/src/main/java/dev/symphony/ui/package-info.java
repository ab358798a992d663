/**
 * The JavaFX workbench: the composition root ({@link dev.symphony.ui.Workbench}), the launcher,
 * and the one bridge ({@link dev.symphony.ui.FxBridge}) between background threads and the scene.
 */
package dev.symphony.ui;
