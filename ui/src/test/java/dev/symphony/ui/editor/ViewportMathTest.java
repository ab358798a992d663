package dev.symphony.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomized checks of the view's geometry against brute force (seed: SYMPHONY_TEST_SEED or -Dsymphony.test.seed). */
class ViewportMathTest {
    private static long seed() {
        String fromEnv = System.getenv("SYMPHONY_TEST_SEED");
        String value = fromEnv != null ? fromEnv : System.getProperty("symphony.test.seed");
        return value != null ? Long.parseLong(value) : System.nanoTime();
    }

    private static String randomLine(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            sb.append(pick == 0 ? '\t' : pick == 1 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    @Test
    void columnsMatchTheExpandedTextAndClicksRoundTrip() {
        long seed = seed();
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            String line = randomLine(random, 60);
            int tab = 1 + random.nextInt(8);
            String expanded = ViewportMath.expandTabs(line, tab);
            String context = "seed " + seed + " round " + round + " tab " + tab + " line '" + line + "'";
            assertEquals(expanded.length(), ViewportMath.columnOf(line, line.length(), tab), context);
            for (int offset = 0; offset <= line.length(); offset++) {
                int column = ViewportMath.columnOf(line, offset, tab);
                // brute force: the expansion of the prefix is as wide as the column
                assertEquals(ViewportMath.expandTabs(line.substring(0, offset), tab).length(), column, context);
                assertEquals(offset, ViewportMath.offsetAtColumn(line, column, tab), context + " offset " + offset);
                assertTrue(column % 1 == 0 && column >= offset, context);
            }
            // a click anywhere lands on a valid offset whose column is the nearest boundary
            double click = random.nextDouble() * (expanded.length() + 4);
            int hit = ViewportMath.offsetAtColumn(line, click, tab);
            int best = 0;
            for (int o = 0; o <= line.length(); o++) {
                double d = Math.abs(ViewportMath.columnOf(line, o, tab) - click);
                double bestD = Math.abs(ViewportMath.columnOf(line, best, tab) - click);
                if (d < bestD) {
                    best = o;
                }
            }
            assertEquals(Math.abs(ViewportMath.columnOf(line, best, tab) - click),
                    Math.abs(ViewportMath.columnOf(line, hit, tab) - click), 0.5 + 1e-9, context + " click " + click);
        }
    }

    @Test
    void paintedColumnsCoverTheVisibleWindowOnly() {
        long seed = seed();
        Random random = new Random(seed);
        for (int round = 0; round < 5000; round++) {
            double advance = 5 + random.nextDouble() * 10;
            int columns = random.nextInt(200_000);
            double width = 50 + random.nextDouble() * 2000;
            double scrollX = random.nextDouble() * columns * advance;
            int[] painted = ViewportMath.paintedColumns(scrollX, width, advance, columns);
            String context = "seed " + seed + " round " + round;
            assertTrue(painted[0] <= painted[1] && painted[1] <= columns, context);
            int firstVisible = (int) Math.floor(scrollX / advance);
            int lastVisible = Math.min(columns, (int) Math.ceil((scrollX + width) / advance));
            if (firstVisible < columns) {
                assertTrue(painted[0] <= firstVisible && painted[1] >= lastVisible, context + " covers the screen");
            }
            assertTrue(painted[1] - painted[0] <= width / advance + 2 * ViewportMath.COLUMN_MARGIN + 2,
                    context + " never paints much more than the screen");
        }
    }

    @Test
    void revealMovesLeastAndKeepsTheLineOnScreen() {
        long seed = seed();
        Random random = new Random(seed);
        for (int round = 0; round < 5000; round++) {
            int lineCount = 1 + random.nextInt(1_000_000);
            int visible = 1 + random.nextInt(80);
            double current = random.nextDouble() * lineCount;
            int line = random.nextInt(lineCount);
            double top = ViewportMath.revealLine(current, line, visible, 2, lineCount);
            String context = "seed " + seed + " round " + round + " lines " + lineCount + " visible " + visible
                    + " current " + current + " line " + line;
            assertTrue(top >= 0 && top <= ViewportMath.maxScroll(lineCount, visible), context);
            assertTrue(line >= Math.floor(top) && line <= top + visible - 1 + 1e-9, context + " -> " + top);
            if (line >= current + 2 && line <= current + visible - 3 && current <= ViewportMath.maxScroll(lineCount, visible)) {
                assertEquals(current, top, 1e-9, context + " no scroll when already comfortably visible");
            }
        }
    }

    @Test
    void wrappedRowsHoldEveryColumn() {
        long seed = seed();
        Random random = new Random(seed);
        for (int round = 0; round < 5000; round++) {
            int columns = random.nextInt(10_000);
            int perRow = 1 + random.nextInt(200);
            int rows = ViewportMath.rows(columns, perRow);
            String context = "seed " + seed + " columns " + columns + " perRow " + perRow;
            assertTrue(rows >= 1, context);
            assertTrue((long) rows * perRow >= columns, context + " all columns fit");
            assertTrue(rows == 1 || (long) (rows - 1) * perRow < columns, context + " no empty last row");
        }
    }

    @Test
    void longLinesTreatColumnsAsOffsets() {
        String line = "\t".repeat(ViewportMath.LONG_LINE + 10);
        assertEquals(500, ViewportMath.columnOf(line, 500, 4));
        assertEquals(500, ViewportMath.offsetAtColumn(line, 500.2, 4));
    }
}
