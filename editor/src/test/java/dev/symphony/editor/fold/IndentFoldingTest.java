package dev.symphony.editor.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndentFoldingTest {

    private static List<FoldRegion> regions(String text) {
        return IndentFolding.regions(Rope.of(text), 4);
    }

    @Test
    void aBlockFoldsOverItsDeeperLines() {
        String text = """
                def f():
                    a = 1
                    if a:
                        b = 2
                    return a
                x = 3
                """;
        assertEquals(List.of(new FoldRegion(0, 4), new FoldRegion(2, 3)), regions(text));
    }

    @Test
    void blankLinesInsideBelongToTheRegionButTrailingOnesDoNot() {
        String text = "class A:\n    a = 1\n\n    b = 2\n\n\nc = 3\n";
        assertEquals(List.of(new FoldRegion(0, 3)), regions(text));
    }

    @Test
    void aRegionAtTheEndOfTheTextEndsAtItsLastNonBlankLine() {
        assertEquals(List.of(new FoldRegion(0, 2)), regions("if x:\n  a\n  b\n\n   \n"));
    }

    @Test
    void tabsCountToTheNextTabStop() {
        assertEquals(List.of(new FoldRegion(0, 2), new FoldRegion(1, 2)), regions("   a\n\tb\n\t  c\n"));
        assertEquals(List.of(), regions("\ta\n    b\n"));
    }

    @Test
    void flatAndEmptyTextsHaveNoRegions() {
        assertEquals(List.of(), regions(""));
        assertEquals(List.of(), regions("a\nb\n\nc"));
    }

    @Test
    void randomTextsGiveRegionsThatNestOrAreDisjoint() {
        long seed = Seeds.seed();
        System.out.println("IndentFoldingTest seed " + seed);
        Random r = new Random(seed);
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int lines = r.nextInt(60);
            for (int i = 0; i < lines; i++) {
                int kind = r.nextInt(8);
                if (kind == 0) {
                    sb.append(" ".repeat(r.nextInt(6)));
                } else {
                    for (int k = r.nextInt(5); k > 0; k--) {
                        sb.append(r.nextBoolean() ? "  " : "\t");
                    }
                    sb.append("x".repeat(1 + r.nextInt(4)));
                }
                sb.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            Rope text = Rope.of(sb);
            List<FoldRegion> got = IndentFolding.regions(text, 1 + r.nextInt(8));
            String where = "seed " + seed + " round " + round + " text " + sb.toString().replace("\n", "\\n");
            for (int i = 0; i < got.size(); i++) {
                FoldRegion a = got.get(i);
                assertTrue(a.startLine() < a.endLine(), where);
                assertTrue(a.endLine() < text.lineCount(), where);
                assertTrue(IndentFolding.indent(text, a.endLine(), 4) >= 0, "a region ends on a non-blank line; " + where);
                for (int j = i + 1; j < got.size(); j++) {
                    FoldRegion b = got.get(j);
                    boolean nested = b.startLine() > a.startLine() && b.endLine() <= a.endLine();
                    boolean disjoint = b.startLine() > a.endLine();
                    assertTrue(nested || disjoint, a + " and " + b + " overlap; " + where);
                }
            }
        }
    }
}
