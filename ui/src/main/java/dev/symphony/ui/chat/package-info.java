/**
 * The chat panel: {@link dev.symphony.ui.chat.ChatViewModel} (the thread, streaming through the model router, agent
 * mode, approvals, usage) and {@link dev.symphony.ui.chat.ChatView} (Markdown by commonmark, code blocks with copy
 * and insert, coloured by the editor's grammars, approval prompts); {@link dev.symphony.ui.chat.ChatHistory} keeps
 * the threads per workspace ({@code ChatThreads}); {@code WorkspaceRules} reads the rules files, {@code WorkbenchContext}
 * and {@code ContextTexts} make the context chips, {@code UrlFetcher} fetches a page;
 * {@link dev.symphony.ui.chat.ChatWorkbench} attaches them to a window.
 */
package dev.symphony.ui.chat;
