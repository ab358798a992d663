/** Key bindings applied to the workbench scene. */
package dev.symphony.ui.keys;
