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

    /** The width of a line's leading blanks (tabs to the next stop), -1 when the line is blank: the plain way. */
    private static int referenceIndent(String line, int tabSize) {
        int width = 0;
        for (char c : line.toCharArray()) {
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width = (width / tabSize + 1) * tabSize;
            } else {
                return width;
            }
        }
        return -1;
    }

    @Test
    void moreRegionsThanTheCapKeepTheOuterLevels() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < IndentFolding.MAX_REGIONS; i++) {
            sb.append("a\n  b\n    c\n");
        }
        List<FoldRegion> got = regions(sb.toString());
        assertEquals(IndentFolding.MAX_REGIONS, got.size());
        assertTrue(got.stream().allMatch(g -> g.endLine() == g.startLine() + 2), "the outer regions, not the inner ones");
    }

    @Test
    void moreOuterRegionsThanTheCapKeepTheFirstOnes() {
        String text = "a\n  b\n".repeat(IndentFolding.MAX_REGIONS + 7);
        List<FoldRegion> got = regions(text);
        assertEquals(IndentFolding.MAX_REGIONS, got.size());
        assertEquals(new FoldRegion(0, 1), got.get(0));
        assertEquals(new FoldRegion(2 * (IndentFolding.MAX_REGIONS - 1), 2 * IndentFolding.MAX_REGIONS - 1), got.get(got.size() - 1));
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
                int br = r.nextInt(12);
                sb.append(br == 0 ? "\r\n" : br == 1 ? "\r" : "\n");
            }
            Rope text = Rope.of(sb, 2 + r.nextInt(30), 4); // small chunks: CR LF split across them
            int tabSize = 1 + r.nextInt(8);
            int[] indents = IndentFolding.indents(text, tabSize);
            for (int line = 0; line < text.lineCount(); line++) {
                assertEquals(referenceIndent(text.substring(text.lineStart(line), text.lineEnd(line)), tabSize), indents[line],
                        "line " + line + "; seed " + seed + " round " + round);
            }
            List<FoldRegion> got = IndentFolding.regions(text, tabSize);
            String where = "seed " + seed + " round " + round + " text " + sb.toString().replace("\n", "\\n");
            for (int i = 0; i < got.size(); i++) {
                FoldRegion a = got.get(i);
                assertTrue(a.startLine() < a.endLine(), where);
                assertTrue(a.endLine() < text.lineCount(), where);
                assertTrue(indents[a.endLine()] >= 0, "a region ends on a non-blank line; " + where);
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
