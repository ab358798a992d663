package dev.symphony.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The board's pixel raster (no window): where lines, curves, dashes, triangles and rectangles land and how they blend. */
class BoardRasterTest {
    private static final Color WHITE = Color.WHITE;
    private static final int WHITE_PX = 0xffffffff;
    private static final int BLACK_PX = 0xff000000;

    private static BoardRaster white(int w, int h) {
        BoardRaster r = new BoardRaster();
        r.begin(w, h, WHITE);
        return r;
    }

    private static int red(int argb) {
        return argb >> 16 & 0xff;
    }

    @Test
    void aOnePixelLineOnAPixelRowCoversThatRowOnly() {
        BoardRaster r = white(40, 20);
        r.beginStroke(Color.BLACK);
        r.line(5, 10.5, 35, 10.5, 1);
        r.endStroke();
        for (int x = 6; x < 35; x++) {
            assertEquals(BLACK_PX, r.pixel(x, 10), "row 10 at x " + x);
            assertEquals(WHITE_PX, r.pixel(x, 9), "row 9 at x " + x);
            assertEquals(WHITE_PX, r.pixel(x, 11), "row 11 at x " + x);
        }
        assertEquals(WHITE_PX, r.pixel(38, 10), "nothing past the line's end");
    }

    @Test
    void aLineBetweenTwoRowsCoversEachByHalf() {
        BoardRaster r = white(40, 20);
        r.beginStroke(Color.BLACK);
        r.line(5, 10, 35, 10, 1);
        r.endStroke();
        assertEquals(128, red(r.pixel(20, 9)), 2);
        assertEquals(128, red(r.pixel(20, 10)), 2);
    }

    @Test
    void oneStrokeCoversAPixelOnceWhereItsSegmentsOverlapTwoStrokesTwice() {
        Color half = Color.color(0, 0, 0, 0.5);
        BoardRaster one = white(30, 30);
        one.beginStroke(half);
        one.line(2, 15.5, 28, 15.5, 1);
        one.line(15.5, 2, 15.5, 28, 1); // crosses the first at (15, 15)
        one.endStroke();
        assertEquals(red(one.pixel(5, 15)), red(one.pixel(15, 15)), 1, "the crossing is as dark as the line: one stroke");
        BoardRaster two = white(30, 30);
        two.beginStroke(half);
        two.line(2, 15.5, 28, 15.5, 1);
        two.endStroke();
        two.beginStroke(half);
        two.line(15.5, 2, 15.5, 28, 1);
        two.endStroke();
        assertEquals(64, red(two.pixel(15, 15)), 2, "two strokes blend twice: half of half");
    }

    @Test
    void segmentsOutsideThePictureAreCutNotAnError() {
        BoardRaster r = white(20, 20);
        r.beginStroke(Color.BLACK);
        r.line(-500, -40, 900, -30, 2);
        r.line(-10, 5.5, 10, 5.5, 1);
        r.cubic(-300, 300, -100, 300, 200, 250, 400, 260, 3, 0, 0);
        r.endStroke();
        assertEquals(WHITE_PX, r.pixel(10, 0), "the line above the picture leaves it as it was");
        assertEquals(BLACK_PX, r.pixel(0, 5), "the part inside is drawn");
        assertEquals(BLACK_PX, r.pixel(9, 5));
        assertEquals(WHITE_PX, r.pixel(11, 5));
    }

    @Test
    void aDashedCurveLeavesGapsOfItsPattern() {
        BoardRaster r = white(100, 10);
        r.beginStroke(Color.BLACK);
        r.cubic(0, 5.5, 30, 5.5, 70, 5.5, 100, 5.5, 1, 6, 4); // a straight "curve": dashes of 6, gaps of 4
        r.endStroke();
        StringBuilder row = new StringBuilder();
        for (int x = 0; x < 39; x++) { // pixel 39 is the start of the fifth dash
            row.append(red(r.pixel(x, 5)) < 64 ? '#' : red(r.pixel(x, 5)) > 192 ? '.' : '+');
        }
        // a dash's ends reach half a pixel beyond it, as a canvas's square caps do: 7 pixels drawn, 3 left out
        assertTrue(row.toString().matches("(#{6,8}[+.]{2,4}){4}"), "four dashes, each followed by its gap, along row 5: " + row);
    }

    @Test
    void aTriangleFillsItsInsideAndAntialiasesItsEdges() {
        BoardRaster r = white(30, 30);
        r.beginStroke(Color.BLACK);
        r.triangle(25, 15, 5, 5, 5, 25);
        r.endStroke();
        assertEquals(BLACK_PX, r.pixel(10, 15), "inside");
        assertEquals(WHITE_PX, r.pixel(27, 15), "outside, past the tip");
        int edge = red(r.pixel(15, 10)); // the upper edge (y = 5 + (x - 5) / 2) crosses this pixel: partly covered
        assertTrue(edge > 20 && edge < 235, "an edge pixel is partly covered, red " + edge);
    }

    @Test
    void rectanglesFillWholePixelsOpaqueOrBlended() {
        BoardRaster r = white(20, 20);
        r.fillRect(2, 2, 5, 5, Color.BLACK);
        r.fillRect(10, 10, 4, 4, Color.color(0, 0, 0, 0.5));
        r.fillRect(-5, -5, 8, 8, Color.RED); // partly outside: cut
        assertEquals(0xffff0000, r.pixel(0, 0));
        assertEquals(BLACK_PX, r.pixel(6, 6));
        assertEquals(WHITE_PX, r.pixel(7, 7));
        assertEquals(128, red(r.pixel(12, 12)), 1);
        assertEquals(0xff, r.pixel(12, 12) >>> 24, "blended onto an opaque picture it stays opaque");
    }
}
