/**
 * Bracket and quote pairs while typing: each language's pairs (a small table keyed by language id, as
 * for comments, since the bundled grammars carry none), auto-closing, typing over a closer, deleting an
 * empty pair with one Backspace, and surrounding a selection.
 */
package dev.symphony.editor.pairs;
