package dev.symphony.ui.editor;

import java.util.List;
import javafx.scene.paint.Paint;

/**
 * Colours behind the text that the view's owner decides (a diff's changed lines and words, later
 * other annotations): whole-line bands and character ranges. Both lists are sorted by position;
 * only the marks on screen cost anything to paint.
 */
public record BackgroundMarks(List<LineBand> lines, List<TextBand> texts) {
    public static final BackgroundMarks NONE = new BackgroundMarks(List.of(), List.of());

    /** Lines {@code [line, line + count)} filled; a count of 0 draws a thin rule above {@code line}. */
    public record LineBand(int line, int count, Paint fill) {
    }

    /** Characters {@code [start, end)} filled. */
    public record TextBand(int start, int end, Paint fill) {
    }

    public BackgroundMarks {
        lines = List.copyOf(lines);
        texts = List.copyOf(texts);
    }
}
