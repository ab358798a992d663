/**
 * UI-free syntax highlighting: TextMate grammars (from the shiki WebJars, filtered by licence) run by
 * TM4E core over a {@link dev.symphony.editor.text.Rope}, VS Code / TextMate colour themes, language
 * detection, and an incremental, off-thread {@link dev.symphony.editor.syntax.SyntaxSession} per document.
 *
 * <p>Nothing in here is loaded by {@code symphony edit}: the CLI never references this package, and
 * TM4E classes load only when a grammar or theme is first used.
 */
package dev.symphony.editor.syntax;
