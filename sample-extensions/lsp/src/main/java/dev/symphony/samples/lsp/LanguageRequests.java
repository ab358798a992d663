package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionContext;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.CompletionTriggerKind;
import org.eclipse.lsp4j.DeclarationParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.ImplementationParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TypeDefinitionParams;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

/**
 * The {@code language} capability ({@code documentSync.requests}): the workbench asks about a synced document
 * ({@code completion}, {@code resolve}, {@code definition}, {@code hover}, {@code rename}, {@code codeAction}: the range
 * {@code line column endLine endColumn}, with the server's last published diagnostics that touch it as the context;
 * {@code formatting}: the whole document's edits, with {@code tabSize} and {@code insertSpaces}; {@code rangeFormatting}:
 * the same for the range {@code line column endLine endColumn}; {@code signatureHelp}, {@code references} (declaration
 * included), {@code declaration}, {@code typeDefinition}, {@code implementation} and {@code documentHighlight} at a
 * position; {@code documentSymbol} (an outline); {@code workspaceSymbol} with a {@code query}, asked of the server of
 * {@code file}'s folder; {@code semanticTokens}: the whole document's ({@link SemanticTokensJson}, by delta when the server
 * offers it), or lines {@code line} to {@code endLine} when given and the server offers ranges); {@code inlayHint}: the
 * hints of lines {@code line} to {@code endLine} ({@link InlayHintsJson}); {@code foldingRange}: the document's foldable
 * regions ({@link FoldingRangesJson}); {@code executeCommand}: runs command
 * {@code item} of the code actions answered to request {@code list} (its edits come as {@link WorkbenchEdits}) and gets an answer at once;
 * the server's result comes back later as {@code workbench.languageResult} {@code {id, file, version, result}}, with the
 * version of the text it was computed for (the workbench drops it or maps it to the text shown by then). A request of
 * the same kind for the same document supersedes the one before, which is cancelled ({@code $/cancelRequest} when it was
 * sent); {@code cancel} cancels one by id. Nothing here waits on a server: the host's bus thread only enqueues.
 */
final class LanguageRequests {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KINDS = List.of("completion", "resolve", "definition", "hover", "rename", "codeAction", "formatting",
            "signatureHelp", "references", "documentSymbol", "workspaceSymbol", "declaration", "typeDefinition", "implementation",
            "documentHighlight", "rangeFormatting", "semanticTokens", "inlayHint", "foldingRange", "executeCommand");
    private final ServerPool pool;
    private final BiConsumer<String, ObjectNode> emit;
    private final Map<Long, CompletableFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> latest = new ConcurrentHashMap<>(); // uri + kind -> id
    private final Map<String, List<CompletionItem>> lastCompletion = new ConcurrentHashMap<>(); // uri -> the items resolve indexes
    private final Map<String, Long> lastCompletionId = new ConcurrentHashMap<>();
    private final Map<String, List<Command>> lastCommands = new ConcurrentHashMap<>(); // uri -> the last code actions' commands
    private final Map<String, Long> lastCommandsId = new ConcurrentHashMap<>();
    private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>(); // uri -> last published
    private final Map<String, LastTokens> lastTokens = new ConcurrentHashMap<>(); // uri -> a delta's base

    LanguageRequests(ServerPool pool, BiConsumer<String, ObjectNode> emit) {
        this.pool = pool;
        this.emit = emit;
    }

    /** Keeps a document's diagnostics as its server last published them: a code action request's context. */
    void published(PublishDiagnosticsParams p) {
        if (p.getUri() != null) {
            diagnostics.put(p.getUri(), p.getDiagnostics() == null ? List.of() : List.copyOf(p.getDiagnostics()));
        }
    }

    /** Forgets what was kept about a closed document. */
    void closed(String uri) {
        diagnostics.remove(uri);
        lastCompletion.remove(uri);
        lastCompletionId.remove(uri);
        lastCommands.remove(uri);
        lastCommandsId.remove(uri);
        lastTokens.remove(uri);
    }

    /** Handles one input; returns the immediate answer. Throws {@link IllegalArgumentException} naming a bad field. */
    ObjectNode handle(JsonNode in) {
        RequestTiming timing = new RequestTiming();
        String kind = in.path("request").asText("");
        if (kind.equals("stats")) {
            return NODES.objectNode().<ObjectNode>set("sent", pool.counts().json()).put("pending", pending.size());
        }
        long id = number(in, "id");
        if (kind.equals("cancel")) {
            CompletableFuture<?> f = pending.remove(id);
            return NODES.objectNode().put("cancelled", f != null && f.cancel(true));
        }
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("$.request: must be " + String.join(", ", KINDS) + ", cancel or stats, not '" + kind + "'");
        }
        String file = in.path("file").asText("");
        if (file.isEmpty() || !Path.of(file).isAbsolute()) {
            throw new IllegalArgumentException("$.file: an absolute path is required, not '" + file + "'");
        }
        String uri = Path.of(file).normalize().toUri().toString();
        boolean lines = kind.equals("semanticTokens") && in.has("endLine") || kind.equals("inlayHint");
        boolean positioned = !List.of("resolve", "formatting", "documentSymbol", "workspaceSymbol", "semanticTokens", "inlayHint",
                "foldingRange", "executeCommand").contains(kind);
        Position at = positioned ? new Position((int) number(in, "line"), (int) number(in, "column"))
                : lines ? new Position((int) number(in, "line"), 0) : new Position(0, 0);
        boolean ranged = kind.equals("codeAction") || kind.equals("rangeFormatting");
        Position end = ranged ? new Position((int) number(in, "endLine"), (int) number(in, "endColumn"))
                : lines ? new Position((int) Math.max(at.getLine(), number(in, "endLine")), 0) : at;
        String newName = in.path("newName").asText("");
        if (kind.equals("rename") && newName.isEmpty()) {
            throw new IllegalArgumentException("$.newName: the new name is required for rename");
        }
        FormattingOptions options = kind.endsWith("ormatting")
                ? new FormattingOptions((int) Math.min(16, Math.max(1, number(in, "tabSize"))), in.path("insertSpaces").asBoolean(true)) : null;
        boolean indexed = kind.equals("resolve") || kind.equals("executeCommand");
        Ask ask = new Ask(id, kind, uri, new Range(at, end), newName, indexed ? (int) number(in, "item") : -1,
                indexed ? number(in, "list") : -1, options, kind.equals("workspaceSymbol") ? in.path("query").asText("")
                : in.path("prefix").asText(""), timing);
        Long before = latest.put(uri + "\u0000" + kind, id);
        if (before != null && before != id) {
            CompletableFuture<?> old = pending.remove(before);
            if (old != null) {
                old.cancel(true); // superseded: $/cancelRequest
            }
        }
        pool.served(uri, served -> send(ask, served));
        return NODES.objectNode().put("accepted", true);
    }

    /** One request as the workbench asked it (the fields its kind uses; the others are defaults); text: a completion's word so far, a symbol query. */
    private record Ask(long id, String kind, String uri, Range range, String newName, int index, long list, FormattingOptions options,
                       String text, RequestTiming timing) {
    }

    private void send(Ask ask, ServerPool.Served served) {
        long id = ask.id();
        String kind = ask.kind();
        String uri = ask.uri();
        Range range = ask.range();
        Position at = range.getStart();
        int index = ask.index();
        long list = ask.list();
        if (!Long.valueOf(id).equals(latest.get(uri + "\u0000" + kind))) {
            return; // superseded before it reached the server
        }
        if (served == null || served.session() == null) {
            answer(id, uri, served, -1, NODES.objectNode().put("error", served == null ? "the document is not open here"
                    : served.spec().name() + " is not running (see the status bar)"));
            return;
        }
        TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
        String key = uri + "\u0000" + kind;
        int version = served.version();
        CompletableFuture<ObjectNode> result = switch (kind) {
            case "completion" -> {
                CompletionParams p = new CompletionParams(doc, at, new CompletionContext(CompletionTriggerKind.Invoked));
                List<CompletionItem> kept = new ArrayList<>();
                yield track(id, key, served.session().request(s -> s.getTextDocumentService().completion(p), ask.timing()), r -> {
                    lastCompletion.put(uri, kept);
                    lastCompletionId.put(uri, id);
                    return LspJson.completion(r, kept, ask.text());
                });
            }
            case "resolve" -> {
                List<CompletionItem> items = lastCompletion.get(uri);
                if (items == null || !Long.valueOf(list).equals(lastCompletionId.get(uri)) || index < 0 || index >= items.size()) {
                    yield CompletableFuture.completedFuture(NODES.objectNode().put("error", "no such completion item (the list was replaced)"));
                }
                CompletionItem item = items.get(index);
                yield track(id, key, served.session().request(s -> s.getTextDocumentService().resolveCompletionItem(item), ask.timing()),
                        r -> LspJson.item(r == null ? item : r, index));
            }
            case "definition" -> track(id, key, served.session().request(s -> s.getTextDocumentService().definition(new DefinitionParams(doc, at)), ask.timing()),
                    LspJson::locations);
            case "hover" -> track(id, key, served.session().request(s -> s.getTextDocumentService().hover(new HoverParams(doc, at)), ask.timing()), LspJson::hover);
            case "codeAction" -> {
                CodeActionParams p = new CodeActionParams(doc, range, new CodeActionContext(touching(uri, range)));
                List<Command> kept = new ArrayList<>();
                yield track(id, key, served.session().request(s -> s.getTextDocumentService().codeAction(p), ask.timing()), r -> {
                    ObjectNode out = LspJson.codeActions(r, kept);
                    lastCommands.put(uri, kept);
                    lastCommandsId.put(uri, id);
                    return out;
                });
            }
            case "executeCommand" -> {
                // a command of the last code actions listed ({@code list}: their request's id, {@code item}: the command's
                // index); what it changes comes back as the server's workspace/applyEdit (WorkbenchEdits)
                List<Command> commands = lastCommands.get(uri);
                if (commands == null || !Long.valueOf(list).equals(lastCommandsId.get(uri)) || index < 0 || index >= commands.size()) {
                    yield CompletableFuture.completedFuture(NODES.objectNode().put("error", "no such command (the code actions were asked again)"));
                }
                Command c = commands.get(index);
                yield track(id, key, served.session().request(s -> s.getWorkspaceService()
                        .executeCommand(new ExecuteCommandParams(c.getCommand(), c.getArguments())), ask.timing()),
                        r -> NODES.objectNode().put("done", true).put("command", c.getCommand()));
            }
            case "formatting" -> track(id, key, served.session().request(s -> s.getTextDocumentService()
                    .formatting(new DocumentFormattingParams(doc, ask.options())), ask.timing()), LanguageRequests::edits);
            case "rangeFormatting" -> {
                DocumentRangeFormattingParams p = new DocumentRangeFormattingParams();
                p.setTextDocument(doc);
                p.setOptions(ask.options());
                p.setRange(range);
                yield track(id, key, served.session().request(s -> s.getTextDocumentService().rangeFormatting(p), ask.timing()), LanguageRequests::edits);
            }
            case "declaration" -> track(id, key, served.session().request(s -> s.getTextDocumentService()
                    .declaration(new DeclarationParams(doc, at)), ask.timing()), LspJson::locations);
            case "typeDefinition" -> track(id, key, served.session().request(s -> s.getTextDocumentService()
                    .typeDefinition(new TypeDefinitionParams(doc, at)), ask.timing()), LspJson::locations);
            case "implementation" -> track(id, key, served.session().request(s -> s.getTextDocumentService()
                    .implementation(new ImplementationParams(doc, at)), ask.timing()), LspJson::locations);
            case "documentHighlight" -> track(id, key, served.session().request(s -> s.getTextDocumentService()
                    .documentHighlight(new DocumentHighlightParams(doc, at)), ask.timing()), LspNavigationJson::highlights);
            case "signatureHelp" -> track(id, key, served.session().request(s -> s.getTextDocumentService()
                    .signatureHelp(new SignatureHelpParams(doc, at)), ask.timing()), LspNavigationJson::signatureHelp);
            case "references" -> track(id, key, served.session().request(s -> s.getTextDocumentService()
                    .references(new ReferenceParams(doc, at, new ReferenceContext(true))), ask.timing()), LspNavigationJson::references);
            case "documentSymbol" -> track(id, key, served.session().request(s -> s.getTextDocumentService()
                    .documentSymbol(new DocumentSymbolParams(doc)), ask.timing()), LspNavigationJson::documentSymbols);
            case "workspaceSymbol" -> track(id, key, served.session().request(s -> s.getWorkspaceService()
                    .symbol(new WorkspaceSymbolParams(ask.text())), ask.timing()), LspNavigationJson::workspaceSymbols);
            case "semanticTokens" -> semanticTokens(ask, served, doc, key);
            case "inlayHint" -> served.session().inlayHints()
                    ? track(id, key, served.session().request(s -> s.getTextDocumentService()
                            .inlayHint(new InlayHintParams(doc, range)), ask.timing()), InlayHintsJson::of)
                    : CompletableFuture.completedFuture(NODES.objectNode().put("error", served.spec().name() + " offers no inlay hints"));
            case "foldingRange" -> served.session().foldingRanges()
                    ? track(id, key, served.session().request(s -> s.getTextDocumentService()
                            .foldingRange(new FoldingRangeRequestParams(doc)), ask.timing()), FoldingRangesJson::of)
                    : CompletableFuture.completedFuture(NODES.objectNode().put("error", served.spec().name() + " offers no folding ranges"));
            default -> track(id, key, served.session().request(s -> s.getTextDocumentService().rename(new RenameParams(doc, at, ask.newName())), ask.timing()),
                    LspJson::workspaceEdit);
        };
        result.whenComplete((r, e) -> {
            pending.remove(id);
            if (r != null) {
                r.put("serverMs", ask.timing().serverMs()); // bench lsp: the server's own time, and where the rest went
                r.set("timing", ask.timing().json());
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CancellationException || result.isCancelled()) {
                return; // superseded or cancelled: nothing to show
            }
            ObjectNode out = cause == null ? r : NODES.objectNode().put("error", cause instanceof ResponseErrorException re
                    ? served.spec().name() + ": " + re.getResponseError().getMessage() : String.valueOf(cause.getMessage()));
            answer(id, uri, served, version, out);
        });
    }

    /**
     * Semantic tokens: lines when asked and the server offers ranges; else by delta from this session's last answer for
     * the document when the server offers deltas (applied here, {@link SemanticTokensJson#applyDelta}); else whole.
     */
    private CompletableFuture<ObjectNode> semanticTokens(Ask ask, ServerPool.Served served, TextDocumentIdentifier doc, String key) {
        ServerSession session = served.session();
        var provider = session.semanticTokens();
        if (provider == null) {
            return CompletableFuture.completedFuture(NODES.objectNode().put("error", served.spec().name() + " offers no semantic tokens"));
        }
        var legend = provider.getLegend();
        String uri = ask.uri();
        boolean lines = ask.range().getEnd().getLine() > ask.range().getStart().getLine();
        boolean range = provider.getRange() != null && (provider.getRange().isRight() || Boolean.TRUE.equals(provider.getRange().getLeft()));
        boolean delta = provider.getFull() != null && provider.getFull().isRight() && provider.getFull().getRight() != null
                && Boolean.TRUE.equals(provider.getFull().getRight().getDelta());
        if (lines && range) {
            return track(ask.id(), key, session.request(s -> s.getTextDocumentService()
                    .semanticTokensRange(new SemanticTokensRangeParams(doc, ask.range())), ask.timing()),
                    r -> SemanticTokensJson.of(legend, r == null ? null : r.getData(), null));
        }
        LastTokens last = lastTokens.get(uri);
        if (delta && last != null && last.session() == session && last.resultId() != null) {
            return track(ask.id(), key, session.request(s -> s.getTextDocumentService()
                    .semanticTokensFullDelta(new SemanticTokensDeltaParams(doc, last.resultId())), ask.timing()), r -> {
                        if (r == null) {
                            lastTokens.remove(uri);
                            return SemanticTokensJson.of(legend, List.of(), null);
                        }
                        List<Integer> data;
                        String resultId;
                        try {
                            data = r.isLeft() ? r.getLeft().getData() : SemanticTokensJson.applyDelta(last.data(), r.getRight().getEdits());
                            resultId = r.isLeft() ? r.getLeft().getResultId() : r.getRight().getResultId();
                        } catch (IllegalArgumentException e) {
                            lastTokens.remove(uri); // the next ask is whole
                            return NODES.objectNode().put("error", served.spec().name() + ": " + e.getMessage());
                        }
                        keep(uri, session, resultId, data);
                        return SemanticTokensJson.of(legend, data, resultId);
                    });
        }
        return track(ask.id(), key, session.request(s -> s.getTextDocumentService()
                .semanticTokensFull(new SemanticTokensParams(doc)), ask.timing()), r -> {
                    List<Integer> data = r == null || r.getData() == null ? List.of() : r.getData();
                    keep(uri, session, r == null ? null : r.getResultId(), data);
                    return SemanticTokensJson.of(legend, data, r == null ? null : r.getResultId());
                });
    }

    /** A document's last whole semantic tokens from a session: a delta's base. */
    private record LastTokens(ServerSession session, String resultId, List<Integer> data) {
    }

    private void keep(String uri, ServerSession session, String resultId, List<Integer> data) {
        if (resultId != null && data.size() / 5 <= SemanticTokensJson.MAX_TOKENS) {
            lastTokens.put(uri, new LastTokens(session, resultId, data.stream().map(v -> v == null ? 0 : v).toList()));
        } else {
            lastTokens.remove(uri);
        }
    }

    private static ObjectNode edits(List<? extends org.eclipse.lsp4j.TextEdit> r) {
        return NODES.objectNode().set("edits", LspJson.edits(r == null ? List.of() : r));
    }

    /** The last published diagnostics of {@code uri} whose range meets {@code range} (LSP's code action context). */
    private List<Diagnostic> touching(String uri, Range range) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics.getOrDefault(uri, List.of())) {
            Range r = d == null ? null : d.getRange();
            if (r != null && r.getStart() != null && r.getEnd() != null
                    && compare(r.getStart(), range.getEnd()) <= 0 && compare(range.getStart(), r.getEnd()) <= 0) {
                out.add(d);
            }
        }
        return out;
    }

    private static int compare(Position a, Position b) {
        return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine()) : Integer.compare(a.getCharacter(), b.getCharacter());
    }

    /**
     * Keeps {@code sent} (the request itself: cancelling it sends {@code $/cancelRequest}) as request {@code id}'s, and
     * returns its answer converted. A dependent stage's cancel would not reach the request, hence the split.
     */
    private <T> CompletableFuture<ObjectNode> track(long id, String key, CompletableFuture<T> sent,
                                                    java.util.function.Function<T, ObjectNode> convert) {
        pending.put(id, sent);
        if (!Long.valueOf(id).equals(latest.get(key))) {
            pending.remove(id);
            sent.cancel(true); // superseded while this was being prepared
        }
        return sent.thenApply(convert);
    }

    private void answer(long id, String uri, ServerPool.Served served, int version, ObjectNode result) {
        Path file = LspJson.file(uri);
        String relative = served != null && file != null && file.startsWith(served.root())
                ? served.root().relativize(file).toString().replace('\\', '/') : String.valueOf(file);
        ObjectNode payload = NODES.objectNode().put("id", id).put("file", relative).put("version", version);
        payload.set("result", result);
        emit.accept("workbench.languageResult", payload);
    }

    private static long number(JsonNode in, String field) {
        JsonNode v = in.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException("$." + field + ": a number, 0 or more, is required");
        }
        return v.asLong();
    }
}
