package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic tokens as a result of the {@code language} capability: {@code {types, modifiers, data, resultId?}}, where
 * {@code data} is LSP's relative encoding, five numbers a token (line delta, start delta, length, type index, modifier
 * bits), which the workbench decodes, and {@code types} / {@code modifiers} are the server's legend. What a server sends
 * is hostile: the data is cut to whole tokens and capped at {@value #MAX_TOKENS} tokens, names at 64 characters. A
 * delta is applied here to the document's last data ({@link #applyDelta}), so the workbench always gets whole data.
 */
final class SemanticTokensJson {
    /** The token types and modifiers the client declares (LSP's predefined ones). */
    static final List<String> TYPES = List.of("namespace", "type", "class", "enum", "interface", "struct", "typeParameter", "parameter",
            "variable", "property", "enumMember", "event", "function", "method", "macro", "keyword", "modifier", "comment", "string",
            "number", "regexp", "operator", "decorator");
    static final List<String> MODIFIERS = List.of("declaration", "definition", "readonly", "static", "deprecated", "abstract", "async",
            "modification", "documentation", "defaultLibrary");
    static final int MAX_TOKENS = 200_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SemanticTokensJson() {
    }

    static ObjectNode of(SemanticTokensLegend legend, List<Integer> data, String resultId) {
        ObjectNode out = NODES.objectNode();
        names(out.putArray("types"), legend == null ? null : legend.getTokenTypes());
        names(out.putArray("modifiers"), legend == null ? null : legend.getTokenModifiers());
        ArrayNode a = out.putArray("data");
        int n = data == null ? 0 : Math.min(data.size() / 5, MAX_TOKENS) * 5;
        for (int i = 0; i < n; i++) {
            Integer v = data.get(i);
            a.add(v == null || v < 0 ? 0 : v);
        }
        if (resultId != null) {
            out.put("resultId", resultId.length() > 200 ? resultId.substring(0, 200) : resultId);
        }
        return out;
    }

    private static void names(ArrayNode a, List<String> names) {
        for (String n : names == null ? List.<String>of() : names) {
            if (a.size() >= 256) {
                break;
            }
            a.add(n == null ? "" : n.length() > 64 ? n.substring(0, 64) : n);
        }
    }

    /**
     * {@code previous} with a delta's {@code edits} applied ({@code start} and {@code deleteCount} index the numbers, not
     * the tokens; LSP sends them in order, not overlapping). Throws {@link IllegalArgumentException} for an edit out of
     * bounds, out of order or overlapping: the caller asks for whole data again.
     */
    static List<Integer> applyDelta(List<Integer> previous, List<SemanticTokensEdit> edits) {
        List<SemanticTokensEdit> sorted = new ArrayList<>(edits == null ? List.of() : edits);
        sorted.removeIf(e -> e == null);
        sorted.sort(java.util.Comparator.comparingInt(SemanticTokensEdit::getStart));
        List<Integer> out = new ArrayList<>(previous.size());
        int at = 0;
        for (SemanticTokensEdit e : sorted) {
            int start = e.getStart();
            int delete = e.getDeleteCount();
            if (start < at || delete < 0 || (long) start + delete > previous.size()) {
                throw new IllegalArgumentException("a semantic tokens edit at " + start + " deleting " + delete
                        + " is out of bounds or overlaps (data of " + previous.size() + ")");
            }
            out.addAll(previous.subList(at, start));
            if (e.getData() != null) {
                out.addAll(e.getData());
            }
            at = start + delete;
        }
        out.addAll(previous.subList(at, previous.size()));
        if (out.size() / 5 > MAX_TOKENS) {
            throw new IllegalArgumentException("semantic tokens over " + MAX_TOKENS);
        }
        return out;
    }
}
