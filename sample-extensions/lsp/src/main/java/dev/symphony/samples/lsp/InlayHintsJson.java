package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintLabelPart;

/**
 * A server's inlay hints ({@code textDocument/inlayHint}) as the workbench shows them:
 * {@code {hints: [{line, column, label, kind}]}}, the label with a space on the side the server asks padding for, a
 * label made of parts joined. What a server sends is hostile: a hint without a position or with an empty label is
 * skipped, a label is cut to {@value #MAX_LABEL} characters, and at most {@value #MAX_HINTS} hints are kept.
 */
final class InlayHintsJson {
    static final int MAX_HINTS = 5000;
    static final int MAX_LABEL = 120;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InlayHintsJson() {
    }

    static ObjectNode of(List<InlayHint> hints) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = out.putArray("hints");
        for (InlayHint h : hints == null ? List.<InlayHint>of() : hints) {
            if (items.size() >= MAX_HINTS) {
                break;
            }
            if (h == null || h.getPosition() == null || h.getPosition().getLine() < 0 || h.getPosition().getCharacter() < 0) {
                continue;
            }
            String label = label(h);
            if (label.isBlank()) {
                continue;
            }
            if (label.length() > MAX_LABEL) {
                label = label.substring(0, MAX_LABEL - 1) + "…";
            }
            String shown = (Boolean.TRUE.equals(h.getPaddingLeft()) ? " " : "") + label + (Boolean.TRUE.equals(h.getPaddingRight()) ? " " : "");
            items.addObject().put("line", h.getPosition().getLine()).put("column", h.getPosition().getCharacter()).put("label", shown)
                    .put("kind", h.getKind() == InlayHintKind.Parameter ? "parameter" : h.getKind() == InlayHintKind.Type ? "type" : "");
        }
        return out;
    }

    private static String label(InlayHint h) {
        var l = h.getLabel();
        if (l == null) {
            return "";
        }
        if (l.isLeft()) {
            return l.getLeft() == null ? "" : l.getLeft().replaceAll("[\\r\\n\\t]", " ");
        }
        StringBuilder b = new StringBuilder();
        for (InlayHintLabelPart p : l.getRight() == null ? List.<InlayHintLabelPart>of() : l.getRight()) {
            if (p != null && p.getValue() != null) {
                b.append(p.getValue());
            }
        }
        return b.toString().replaceAll("[\\r\\n\\t]", " ");
    }
}
