/**
 * The {@code lsp} extension: real language servers (pyright, typescript-language-server, …) driven through Eclipse
 * LSP4J inside the extension's host. {@link dev.symphony.samples.lsp.LspExtension} is the entry class; servers are
 * described by {@link dev.symphony.samples.lsp.ServerSpec}, found by {@link dev.symphony.samples.lsp.ToolsFolder},
 * run by {@link dev.symphony.samples.lsp.ServerSession} and kept (lazily started, restarted, stopped when idle) by
 * {@link dev.symphony.samples.lsp.ServerPool}.
 */
package dev.symphony.samples.lsp;
