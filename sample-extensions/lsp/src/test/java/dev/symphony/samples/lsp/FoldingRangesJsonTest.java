package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.junit.jupiter.api.Test;

/** Folding ranges from a hostile server: ranges that do not span two lines or start before the text are skipped, capped. */
class FoldingRangesJsonTest {
    @Test
    void rangesKeepTheirLinesAndKindAndBadOnesAreSkipped() {
        FoldingRange comment = new FoldingRange(0, 3);
        comment.setKind(FoldingRangeKind.Comment);
        JsonNode out = FoldingRangesJson.of(Arrays.asList(comment, null, new FoldingRange(5, 5), new FoldingRange(-1, 4),
                new FoldingRange(7, 6), new FoldingRange(4, 9))).path("ranges");
        assertEquals("[{\"startLine\":0,\"endLine\":3,\"kind\":\"comment\"},{\"startLine\":4,\"endLine\":9,\"kind\":\"\"}]", out.toString());
    }

    @Test
    void atMostTheCapIsKept() {
        List<FoldingRange> many = new ArrayList<>();
        for (int i = 0; i < FoldingRangesJson.MAX_RANGES + 10; i++) {
            many.add(new FoldingRange(i, i + 2));
        }
        assertEquals(FoldingRangesJson.MAX_RANGES, FoldingRangesJson.of(many).path("ranges").size());
        assertEquals(0, FoldingRangesJson.of(null).path("ranges").size());
    }
}
