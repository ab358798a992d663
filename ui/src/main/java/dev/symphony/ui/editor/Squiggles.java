package dev.symphony.ui.editor;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * Wavy underlines under character ranges (diagnostics), sorted by start: what the view's owner decides, kept current
 * by it (ranges are offsets in the text the view shows now). {@code message} is for tests and tooltips.
 */
public record Squiggles(List<Squiggle> items) {
    public static final Squiggles NONE = new Squiggles(List.of());

    public enum Kind {
        ERROR(Color.web("#e51400")), WARNING(Color.web("#bf8803")), INFO(Color.web("#1a85ff")), HINT(Color.web("#8c8c8c"));

        final Color color;

        Kind(Color color) {
            this.color = color;
        }
    }

    /** Characters {@code [start, end)} underlined; an empty range underlines the character after {@code start}. */
    public record Squiggle(int start, int end, Kind kind, String message) {
    }

    public Squiggles {
        items = List.copyOf(items);
    }
}
