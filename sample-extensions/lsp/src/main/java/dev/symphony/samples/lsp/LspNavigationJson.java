package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Signature help, document highlights and symbols as results of the {@code language} capability, in {@link LspJson}'s conventions (LSP's
 * 0-based positions, absolute files, hostile input: missing fields skipped, lists capped at {@value LspJson#MAX_ITEMS},
 * text cut at 2,000 characters).
 */
final class LspNavigationJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private LspNavigationJson() {
    }

    /**
     * {@code {signatures: [{label, documentation?, parameters: [{start, end}]}], activeSignature, activeParameter}}: each
     * parameter as its UTF-16 range in the label (a label given as a string is found in the signature's label).
     */
    static ObjectNode signatureHelp(SignatureHelp help) {
        ObjectNode out = NODES.objectNode();
        ArrayNode signatures = out.putArray("signatures");
        if (help == null || help.getSignatures() == null) {
            return out.put("activeSignature", 0).put("activeParameter", 0);
        }
        for (SignatureInformation s : help.getSignatures()) {
            if (s == null || s.getLabel() == null || signatures.size() >= 20) {
                continue;
            }
            String label = cut(s.getLabel());
            ObjectNode o = signatures.addObject().put("label", label);
            String doc = LspJson.documentation(s.getDocumentation());
            if (doc != null && !doc.isEmpty()) {
                o.put("documentation", cut(doc));
            }
            ArrayNode params = o.putArray("parameters");
            for (ParameterInformation p : s.getParameters() == null ? List.<ParameterInformation>of() : s.getParameters()) {
                int[] span = span(label, p);
                if (span != null) {
                    params.addObject().put("start", span[0]).put("end", span[1]);
                }
            }
            if (s.getActiveParameter() != null) {
                o.put("activeParameter", s.getActiveParameter());
            }
        }
        int active = help.getActiveSignature() == null ? 0 : help.getActiveSignature();
        out.put("activeSignature", active < 0 || active >= signatures.size() ? 0 : active);
        out.put("activeParameter", help.getActiveParameter() == null || help.getActiveParameter() < 0 ? 0 : help.getActiveParameter());
        return out;
    }

    private static int[] span(String label, ParameterInformation p) {
        if (p == null || p.getLabel() == null) {
            return null;
        }
        if (p.getLabel().isLeft()) {
            String name = p.getLabel().getLeft();
            int at = name == null || name.isEmpty() ? -1 : label.indexOf(name);
            return at < 0 ? null : new int[] {at, at + name.length()};
        }
        var t = p.getLabel().getRight();
        Integer start = t.getFirst();
        Integer end = t.getSecond();
        return start == null || end == null || start < 0 || end < start || end > label.length() ? null : new int[] {start, end};
    }

    /**
     * {@code {highlights: [{startLine…, kind}]}} of a document highlight answer: the places of the symbol at a position in
     * its document, each {@code read}, {@code write} or {@code text} (LSP's default when a server gives no kind).
     */
    static ObjectNode highlights(List<? extends DocumentHighlight> answer) {
        ObjectNode out = NODES.objectNode();
        ArrayNode a = out.putArray("highlights");
        for (DocumentHighlight h : answer == null ? List.<DocumentHighlight>of() : answer) {
            Range r = h == null ? null : h.getRange();
            if (r != null && r.getStart() != null && r.getEnd() != null && a.size() < LspJson.MAX_ITEMS) {
                a.add(LspJson.range(r).put("kind", h.getKind() == null ? "text" : h.getKind().name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return out;
    }

    /** {@code {locations: […]}} of a references answer. */
    static ObjectNode references(List<? extends Location> answer) {
        return LspJson.locations(answer == null ? null : Either.forLeft(answer));
    }

    /**
     * {@code {symbols: [{name, kind, detail?, depth, startLine…}]}} of a document's symbols, in document order, children
     * after their parent with depth + 1 (an outline); the range is the symbol's name (its selection range).
     */
    static ObjectNode documentSymbols(List<Either<SymbolInformation, DocumentSymbol>> answer) {
        ObjectNode out = NODES.objectNode();
        ArrayNode a = out.putArray("symbols");
        for (Either<SymbolInformation, DocumentSymbol> e : answer == null ? List.<Either<SymbolInformation, DocumentSymbol>>of() : answer) {
            if (e == null) {
                continue;
            }
            if (e.isRight()) {
                tree(a, e.getRight(), 0);
            } else if (e.getLeft() != null && e.getLeft().getLocation() != null) {
                symbol(a, e.getLeft().getName(), e.getLeft().getKind(), e.getLeft().getContainerName(), 0, e.getLeft().getLocation().getRange());
            }
        }
        return out;
    }

    private static void tree(ArrayNode a, DocumentSymbol s, int depth) {
        if (s == null || depth > MAX_DEPTH) {
            return;
        }
        symbol(a, s.getName(), s.getKind(), s.getDetail(), depth, s.getSelectionRange() != null ? s.getSelectionRange() : s.getRange());
        if (s.getChildren() != null) {
            s.getChildren().forEach(c -> tree(a, c, depth + 1));
        }
    }

    private static ObjectNode symbol(ArrayNode a, String name, org.eclipse.lsp4j.SymbolKind kind, String detail, int depth, Range r) {
        if (name == null || r == null || r.getStart() == null || r.getEnd() == null || a.size() >= LspJson.MAX_ITEMS) {
            return null;
        }
        ObjectNode o = LspJson.range(r).put("name", cut(name)).put("kind", kind == null ? "Null" : kind.name()).put("depth", depth);
        if (detail != null && !detail.isEmpty()) {
            o.put("detail", cut(detail));
        }
        a.add(o);
        return o;
    }

    /** {@code {symbols: [{name, kind, container?, file, startLine…}]}} of a workspace symbol query (files only). */
    static ObjectNode workspaceSymbols(Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>> answer) {
        ObjectNode out = NODES.objectNode();
        ArrayNode a = out.putArray("symbols");
        if (answer == null) {
            return out;
        }
        if (answer.isLeft()) {
            for (SymbolInformation s : answer.getLeft()) {
                if (s != null && s.getLocation() != null) {
                    located(a, s.getName(), s.getKind(), s.getContainerName(), s.getLocation().getUri(), s.getLocation().getRange());
                }
            }
        } else {
            for (WorkspaceSymbol s : answer.getRight()) {
                if (s != null && s.getLocation() != null && s.getLocation().isLeft() && s.getLocation().getLeft() != null) {
                    located(a, s.getName(), s.getKind(), s.getContainerName(), s.getLocation().getLeft().getUri(), s.getLocation().getLeft().getRange());
                }
            }
        }
        return out;
    }

    private static void located(ArrayNode a, String name, org.eclipse.lsp4j.SymbolKind kind, String container, String uri, Range r) {
        Path file = LspJson.file(uri);
        if (file != null) {
            ObjectNode o = symbol(a, name, kind, null, 0, r);
            if (o != null) {
                o.put("file", file.toString());
                if (container != null && !container.isEmpty()) {
                    o.put("container", cut(container));
                }
            }
        }
    }

    private static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
