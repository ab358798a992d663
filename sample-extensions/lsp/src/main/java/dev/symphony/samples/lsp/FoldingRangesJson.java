package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;

/**
 * A server's folding ranges ({@code textDocument/foldingRange}) as the workbench folds them:
 * {@code {ranges: [{startLine, endLine, kind}]}}, 0-based lines, the last line folded with the rest (the client asks
 * for whole lines only). What a server sends is hostile: a range without lines, with a negative start or that does not
 * span two lines is skipped, and at most {@value #MAX_RANGES} are kept.
 */
final class FoldingRangesJson {
    static final int MAX_RANGES = 5000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FoldingRangesJson() {
    }

    static ObjectNode of(List<FoldingRange> ranges) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = out.putArray("ranges");
        for (FoldingRange r : ranges == null ? List.<FoldingRange>of() : ranges) {
            if (items.size() >= MAX_RANGES) {
                break;
            }
            if (r == null || r.getStartLine() < 0 || r.getEndLine() <= r.getStartLine()) {
                continue;
            }
            items.addObject().put("startLine", r.getStartLine()).put("endLine", r.getEndLine())
                    .put("kind", r.getKind() == null ? "" : r.getKind());
        }
        return out;
    }
}
