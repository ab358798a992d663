/**
 * Inline suggestions: ghost text at the caret from the {@code inline} role's model. {@link
 * dev.symphony.ui.inline.InlineSuggestions} is the state machine (no JavaFX), {@link
 * dev.symphony.ui.inline.InlineSuggestionController} ties it to an editor view, {@link
 * dev.symphony.ui.inline.ModelSuggestionSource} asks the kernel. See ui/docs/ai.md.
 */
package dev.symphony.ui.inline;
