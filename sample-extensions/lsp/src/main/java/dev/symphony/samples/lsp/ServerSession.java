package dev.symphony.samples.lsp;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.SynchronizationCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * One running language server for one workspace folder: the process, LSP4J's JSON-RPC over its standard streams,
 * the initialize handshake, and document notifications. Notifications are written by the session's own thread, so
 * a server that stops reading never blocks the caller (the host's bus thread).
 */
final class ServerSession implements AutoCloseable {
    static final long INITIALIZE_TIMEOUT_SECONDS = 60;
    private final ServerSpec spec;
    private final Process process;
    private final LanguageServer server;
    private final ExecutorService writer;
    private final TextDocumentSyncKind sync;
    private final org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions semanticTokens;
    private final boolean inlayHints;
    private final boolean foldingRanges;
    private volatile boolean closing;

    private ServerSession(ServerSpec spec, Process process, LanguageServer server, ExecutorService writer, TextDocumentSyncKind sync,
                          org.eclipse.lsp4j.ServerCapabilities capabilities) {
        var semanticTokens = capabilities.getSemanticTokensProvider();
        var inlay = capabilities.getInlayHintProvider();
        this.inlayHints = inlay != null && (inlay.isRight() || Boolean.TRUE.equals(inlay.getLeft()));
        var folding = capabilities.getFoldingRangeProvider();
        this.foldingRanges = folding != null && (folding.isRight() || Boolean.TRUE.equals(folding.getLeft()));
        this.spec = spec;
        this.process = process;
        this.server = server;
        this.writer = writer;
        this.sync = sync;
        this.semanticTokens = semanticTokens == null || semanticTokens.getLegend() == null ? null : semanticTokens;
    }

    /** Starts {@code program} for {@code root} and initializes it; blocks (not on the bus thread) until it answered. */
    static ServerSession start(ServerSpec spec, Path program, Path root, Consumer<PublishDiagnosticsParams> diagnostics,
                               Consumer<String> log, MessageCounts counts,
                               Function<ApplyWorkspaceEditParams, CompletableFuture<ApplyWorkspaceEditResponse>> applyEdit) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program.toString());
        cmd.addAll(spec.args());
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT); // into the host's log
        if (builder.environment().getOrDefault("HOME", "").isEmpty()) {
            // the sandboxed host's environment is cleared and its /etc has no passwd: without HOME, node's os.homedir()
            // throws and tsserver exits at once (its typings cache); the sandbox's private /tmp is the writable home
            builder.environment().put("HOME", System.getProperty("java.io.tmpdir", "/tmp"));
        }
        Process process = builder.start();
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "lsp-" + spec.name() + "-out"));
        ExecutorService reader = Executors.newCachedThreadPool(r -> daemon(r, "lsp-" + spec.name() + "-in"));
        com.google.gson.JsonObject settings = spec.settings() == null ? new com.google.gson.JsonObject()
                : JsonParser.parseString(spec.settings()).getAsJsonObject();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(diagnostics, log, settings, applyEdit),
                process.getInputStream(), process.getOutputStream(), reader, counts::wrapOutgoing);
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        try {
            InitializeResult result = server.initialize(initializeParams(spec, root)).get(INITIALIZE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server.initialized(new InitializedParams());
            if (spec.settings() != null) {
                server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(settings));
            }
            var s = result.getCapabilities().getTextDocumentSync();
            TextDocumentSyncKind kind = s == null ? TextDocumentSyncKind.None
                    : s.isLeft() ? s.getLeft() : s.getRight().getChange() == null ? TextDocumentSyncKind.None : s.getRight().getChange();
            return new ServerSession(spec, process, server, writer, kind, result.getCapabilities());
        } catch (Exception e) {
            process.destroyForcibly();
            writer.shutdownNow();
            reader.shutdownNow();
            throw new IOException(spec.name() + " (" + program + ") did not initialize: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.toString()), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static InitializeParams initializeParams(ServerSpec spec, Path root) {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setClientInfo(new org.eclipse.lsp4j.ClientInfo("Symphony"));
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), root.getFileName() == null ? "/" : root.getFileName().toString())));
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setSynchronization(new SynchronizationCapabilities(false, false, false));
        PublishDiagnosticsCapabilities diagnostics = new PublishDiagnosticsCapabilities();
        diagnostics.setVersionSupport(true);
        text.setPublishDiagnostics(diagnostics);
        CompletionItemCapabilities item = new CompletionItemCapabilities(true); // snippets: text and tab stops (Snippets), the editor's snippet mode
        item.setDocumentationFormat(List.of("markdown", "plaintext"));
        item.setResolveSupport(new org.eclipse.lsp4j.CompletionItemResolveSupportCapabilities(
                List.of("documentation", "detail", "additionalTextEdits")));
        text.setCompletion(new CompletionCapabilities(item));
        text.setHover(new org.eclipse.lsp4j.HoverCapabilities(List.of("markdown", "plaintext"), false));
        text.setDefinition(new org.eclipse.lsp4j.DefinitionCapabilities(false, true));
        text.setDeclaration(new org.eclipse.lsp4j.DeclarationCapabilities(false, true));
        text.setTypeDefinition(new org.eclipse.lsp4j.TypeDefinitionCapabilities(false, true));
        text.setImplementation(new org.eclipse.lsp4j.ImplementationCapabilities(false, true));
        text.setDocumentHighlight(new org.eclipse.lsp4j.DocumentHighlightCapabilities(false));
        text.setRename(new org.eclipse.lsp4j.RenameCapabilities(false, false));
        text.setFormatting(new org.eclipse.lsp4j.FormattingCapabilities(false));
        text.setRangeFormatting(new org.eclipse.lsp4j.RangeFormattingCapabilities(false));
        org.eclipse.lsp4j.SemanticTokensClientCapabilitiesRequestsFull delta = new org.eclipse.lsp4j.SemanticTokensClientCapabilitiesRequestsFull(true);
        text.setInlayHint(new org.eclipse.lsp4j.InlayHintCapabilities());
        org.eclipse.lsp4j.FoldingRangeCapabilities folding = new org.eclipse.lsp4j.FoldingRangeCapabilities();
        folding.setLineFoldingOnly(true); // the editor folds whole lines
        text.setFoldingRange(folding);
        text.setSemanticTokens(new org.eclipse.lsp4j.SemanticTokensCapabilities(false,
                new org.eclipse.lsp4j.SemanticTokensClientCapabilitiesRequests(delta, true), SemanticTokensJson.TYPES, SemanticTokensJson.MODIFIERS,
                List.of("relative")));
        org.eclipse.lsp4j.SignatureHelpCapabilities signature = new org.eclipse.lsp4j.SignatureHelpCapabilities(
                new org.eclipse.lsp4j.SignatureInformationCapabilities(List.of("markdown", "plaintext")), false);
        signature.getSignatureInformation().setParameterInformation(new org.eclipse.lsp4j.ParameterInformationCapabilities(true));
        text.setSignatureHelp(signature);
        text.setReferences(new org.eclipse.lsp4j.ReferencesCapabilities(false));
        org.eclipse.lsp4j.DocumentSymbolCapabilities symbols = new org.eclipse.lsp4j.DocumentSymbolCapabilities(false);
        symbols.setHierarchicalDocumentSymbolSupport(true);
        text.setDocumentSymbol(symbols);
        // code actions as literals (a title, a kind and an edit), not bare commands: the edit is applied by the workbench
        text.setCodeAction(new org.eclipse.lsp4j.CodeActionCapabilities(new org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities(
                new org.eclipse.lsp4j.CodeActionKindCapabilities(List.of("quickfix", "refactor", "refactor.extract", "refactor.inline",
                        "refactor.rewrite", "source", "source.organizeImports"))), false, true));
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setConfiguration(true);
        workspace.setApplyEdit(true); // a server's own edits (its commands'): to the workbench, which asks the user about files not open
        workspace.setExecuteCommand(new org.eclipse.lsp4j.ExecuteCommandCapabilities(false));
        workspace.setWorkspaceFolders(true);
        workspace.setSymbol(new org.eclipse.lsp4j.SymbolCapabilities(false));
        org.eclipse.lsp4j.WorkspaceEditCapabilities edits = new org.eclipse.lsp4j.WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        workspace.setWorkspaceEdit(edits);
        p.setCapabilities(new ClientCapabilities(workspace, text, null));
        if (spec.initializationOptions() != null) {
            p.setInitializationOptions(JsonParser.parseString(spec.initializationOptions()));
        }
        return p;
    }

    ServerSpec spec() {
        return spec;
    }

    /** Completes when the process ended (crash or shutdown). */
    CompletableFuture<Process> exited() {
        return process.onExit();
    }

    long pid() {
        return process.pid();
    }

    boolean closing() {
        return closing;
    }

    void didOpen(String uri, String languageId, int version, String text) {
        send(() -> server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, languageId, version, text))));
    }

    /** Sends {@code changes} (ranges, in order) or, to a server that wants whole documents, {@code wholeText}. */
    void didChange(String uri, int version, List<TextDocumentContentChangeEvent> changes, java.util.function.Supplier<String> wholeText) {
        if (sync == TextDocumentSyncKind.None) {
            return;
        }
        List<TextDocumentContentChangeEvent> sent = sync == TextDocumentSyncKind.Full ? List.of(new TextDocumentContentChangeEvent(wholeText.get())) : changes;
        send(() -> server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), sent)));
    }

    void didClose(String uri) {
        send(() -> server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri))));
    }

    /**
     * Sends a request after every notification enqueued before it (the same writer thread: a completion is asked about
     * the text the changes before it made). Cancelling the answer before it is sent sends nothing; after, LSP4J sends
     * {@code $/cancelRequest} for it.
     */
    <T> CompletableFuture<T> request(Function<LanguageServer, CompletableFuture<T>> call, RequestTiming timing) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (closing) {
            answer.completeExceptionally(new IllegalStateException(spec.name() + " is shutting down"));
            return answer;
        }
        writer.execute(() -> {
            if (answer.isDone()) {
                return; // superseded before it was sent
            }
            CompletableFuture<T> sent = call.apply(server);
            timing.written();
            answer.whenComplete((v, e) -> {
                if (answer.isCancelled() && !closing) {
                    // LSP4J writes $/cancelRequest on the cancelling thread: the writer's, never the host's bus thread
                    writer.execute(() -> sent.cancel(true));
                }
            });
            sent.whenComplete((v, e) -> {
                timing.answered();
                if (e != null) {
                    answer.completeExceptionally(e);
                } else {
                    answer.complete(v);
                }
            });
        });
        return answer;
    }

    /** The server's semantic tokens provider (its legend, full / delta / range), or null when it has none. */
    org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions semanticTokens() {
        return semanticTokens;
    }

    /** True when the server offers {@code textDocument/inlayHint}. */
    boolean inlayHints() {
        return inlayHints;
    }

    /** True when the server offers {@code textDocument/foldingRange}. */
    boolean foldingRanges() {
        return foldingRanges;
    }

    TextDocumentSyncKind syncKind() {
        return sync;
    }

    private void send(Runnable notification) {
        if (!closing) {
            writer.execute(notification);
        }
    }

    /** Asks the server to shut down and exit (LSP's order), then ends the process if it did not within 2 s. */
    @Override
    public void close() {
        closing = true;
        try {
            server.shutdown().get(2, TimeUnit.SECONDS);
            server.exit();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (Exception e) {
            process.destroyForcibly();
        } finally {
            writer.shutdownNow();
        }
    }

    /**
     * What the server may ask of the client: diagnostics, messages, workspace edits (to the workbench), configuration (the section of the server's
     * {@code settings}, a dotted path; null where it has none: the server's defaults).
     */
    private record Client(Consumer<PublishDiagnosticsParams> diagnostics, Consumer<String> log, com.google.gson.JsonObject settings,
                          Function<ApplyWorkspaceEditParams, CompletableFuture<ApplyWorkspaceEditResponse>> applyEdits)
            implements LanguageClient {
        @Override
        public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams p) {
            return applyEdits.apply(p);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            diagnostics.accept(p);
        }

        @Override
        public void showMessage(MessageParams m) {
            log.accept(m.getType() + ": " + m.getMessage());
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
            log.accept(r.getType() + ": " + r.getMessage());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams m) {
        }

        @Override
        public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
            List<Object> sections = new ArrayList<>();
            p.getItems().forEach(i -> sections.add(section(i.getSection())));
            return CompletableFuture.completedFuture(sections);
        }

        private Object section(String path) {
            com.google.gson.JsonElement at = settings;
            for (String part : path == null || path.isEmpty() ? new String[0] : path.split("\\.")) {
                at = at != null && at.isJsonObject() ? at.getAsJsonObject().get(part) : null;
            }
            return at;
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unregisterCapability(UnregistrationParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams p) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
