package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.ExtensionContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.services.KernelServices;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Entry class of {@code dev.symphony.samples.lsp}. The workbench tells it about documents of the file types it serves
 * (capability {@code documents}, contribution {@code documentSync}): opened with their text, then changed by ranges,
 * then closed. It answers at once; the servers (one per server and workspace folder, {@link ServerPool}) get the
 * notifications on their own threads, and what they publish comes back to the workbench as
 * {@code workbench.diagnostics} events, their state as the status-bar item {@code lsp.status}, their own workspace
 * edits as {@code workbench.applyEdit} ({@link WorkbenchEdits}).
 */
public class LspExtension implements SymphonyExtension {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ServerPool.Context poolContext;
    private final ToolsFolder tools;
    private volatile ServerPool pool;
    private volatile LanguageRequests requests;
    private volatile WorkbenchEdits edits;
    private volatile KernelServices services;
    private volatile ServerSpecs specs;
    /** The documents the workbench opened here: a change of another (this host restarted meanwhile) asks it to reopen. */
    private final java.util.Set<String> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The host's: default tunables, the tools folder the kernel names ({@value ToolsFolder#ENV}). */
    public LspExtension() {
        this(ServerPool.Context.defaults(), ToolsFolder.fromEnvironment(System.getenv()));
    }

    LspExtension(ServerPool.Context poolContext, ToolsFolder tools) {
        this.poolContext = poolContext;
        this.tools = tools;
    }

    @Override
    public void register(Capabilities capabilities) {
        capabilities.operator("documents", this::documents);
        capabilities.operator("language", this::language);
    }

    @Override
    public void activate(ExtensionContext context) {
        services = context.services();
        pool();
    }

    @Override
    public void deactivate() {
        if (pool != null) {
            pool.close();
        }
    }

    synchronized ServerPool pool() {
        if (pool == null) {
            edits = new WorkbenchEdits((name, payload) -> services.events().emit(name, payload), WorkbenchEdits.WAIT);
            pool = new ServerPool(poolContext, tools, new Events());
            requests = new LanguageRequests(pool, (name, payload) -> services.events().emit(name, payload));
        }
        return pool;
    }

    private JsonNode language(JsonNode input, CallContext context) {
        if (services == null) {
            services = context.services();
        }
        pool();
        if (input.path("request").asText("").equals("applyEditResult")) {
            try {
                return edits.answer(input); // the workbench's answer to a server's workspace/applyEdit
            } catch (IllegalArgumentException bad) {
                throw new ExtensionException(ErrorCode.INVALID_INPUT, bad.getMessage());
            }
        }
        String file = input.path("file").asText("");
        if (!file.isEmpty() && java.nio.file.Path.of(file).isAbsolute()
                && !open.contains(java.nio.file.Path.of(file).normalize().toUri().toString())) {
            // this host restarted since the workbench opened the document (a crash, or killed as hung): no change may
            // follow to find that out, so the request says it and the workbench opens the document here again
            return NODES.objectNode().put("accepted", false).put("reopen", true);
        }
        try {
            return requests.handle(input);
        } catch (IllegalArgumentException bad) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, bad.getMessage());
        }
    }

    private JsonNode documents(JsonNode input, CallContext context) {
        if (services == null) {
            services = context.services();
        }
        DocumentEvent e;
        try {
            e = DocumentEvent.read(input);
        } catch (IllegalArgumentException bad) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, bad.getMessage());
        }
        ObjectNode out = NODES.objectNode();
        switch (e.kind()) {
            case OPEN -> {
                Optional<ServerSpec> spec = specs(context).forFileType(e.fileType());
                open.add(e.uri());
                if (spec.isEmpty()) {
                    return out.putNull("server");
                }
                pool().open(spec.get(), e.root(), e.uri(), spec.get().languageOf(e.fileType()), e.version(), e.text());
                out.put("server", spec.get().name());
            }
            case CHANGE -> {
                if (!open.contains(e.uri())) {
                    return out.put("reopen", true);
                }
                pool().change(e.uri(), e.version(), e.changes(), problem -> services.log().warn(problem));
            }
            case CLOSE -> {
                open.remove(e.uri());
                pool().close(e.uri());
                if (requests != null) {
                    requests.closed(e.uri());
                }
            }
        }
        return out;
    }

    private ServerSpecs specs(CallContext context) {
        ServerSpecs s = specs;
        if (s == null) {
            s = ServerSpecs.defaults().with(context.services().settings().get("servers"));
            specs = s;
        }
        return s;
    }

    /** What the pool reports, as workbench requests. */
    private final class Events implements ServerPool.Listener {
        @Override
        public java.util.concurrent.CompletableFuture<org.eclipse.lsp4j.ApplyWorkspaceEditResponse> applyEdit(ServerSpec spec, Path root,
                                                                                                    org.eclipse.lsp4j.ApplyWorkspaceEditParams p) {
            return edits.ask(spec.name(), p);
        }

        @Override
        public void diagnostics(ServerSpec spec, Path root, PublishDiagnosticsParams p) {
            LanguageRequests r = requests;
            if (r != null) {
                r.published(p); // a code action's context
            }
            Path file;
            try {
                file = Path.of(java.net.URI.create(p.getUri()));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                return; // not a file (an untitled or virtual document)
            }
            if (!file.startsWith(root)) {
                return; // the workbench takes files of the open folder only
            }
            services.events().emit("workbench.diagnostics", payload(root.relativize(file).toString().replace('\\', '/'), p));
        }

        @Override
        public void status(ServerSpec spec, Path root, String message) {
            services.log().info(spec.name() + " (" + root + "): " + message);
            String text = spec.name() + ": " + message;
            services.events().emit("workbench.statusBar", NODES.objectNode().put("id", "lsp.status")
                    .put("text", text.length() > 80 ? text.substring(0, 79) + "…" : text).put("tooltip", message));
        }
    }

    /** LSP's 0-based positions become the workbench's 1-based lines and columns (UTF-16 code units, as LSP counts). */
    static ObjectNode payload(String relativeFile, PublishDiagnosticsParams p) {
        ObjectNode out = NODES.objectNode().put("file", relativeFile);
        if (p.getVersion() != null) {
            out.put("version", p.getVersion());
        }
        ArrayNode items = out.putArray("items");
        for (Diagnostic d : p.getDiagnostics()) {
            var r = d.getRange();
            ObjectNode item = items.addObject().put("line", r.getStart().getLine() + 1).put("column", r.getStart().getCharacter() + 1)
                    .put("endLine", r.getEnd().getLine() + 1).put("endColumn", r.getEnd().getCharacter() + 1)
                    .put("severity", severity(d.getSeverity())).put("message", d.getMessage() == null ? "" : d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue());
            if (d.getSource() != null) {
                item.put("source", d.getSource());
            }
        }
        return out;
    }

    private static String severity(DiagnosticSeverity s) {
        return s == null ? "error" : s.name().toLowerCase(Locale.ROOT).replace("information", "info");
    }
}
