/**
 * Comments: each language's comment tokens (the bundled TextMate grammars carry none, so a small table
 * keyed by language id) and toggling line and block comments over a buffer's selections.
 */
package dev.symphony.editor.comment;
