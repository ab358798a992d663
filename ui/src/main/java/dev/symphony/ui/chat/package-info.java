/**
 * The chat panel: {@link dev.symphony.ui.chat.ChatViewModel} (the thread, streaming through the model router, agent
 * mode, approvals, usage) and {@link dev.symphony.ui.chat.ChatView} (Markdown by commonmark, code blocks with copy
 * and insert, approval prompts); {@link dev.symphony.ui.chat.ChatWorkbench} attaches them to a window.
 */
package dev.symphony.ui.chat;
