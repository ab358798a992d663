/**
 * The editor view's bridge to the UI-free TextMate engine ({@code dev.symphony.editor.syntax}):
 * language detection with the {@code files.associations} overrides, one session per open document on
 * a background worker, theme colours mapped to the view's paints.
 */
package dev.symphony.ui.editor.syntax;
