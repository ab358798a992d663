package dev.symphony.editor.selection;

/**
 * One selection: {@code anchor} stays put, {@code head} is the caret. {@code goalColumn} remembers
 * the column vertical moves aim for (-1 when none), so moving through a short line and back keeps it.
 */
public record Selection(int anchor, int head, int goalColumn) {

    public static Selection cursor(int at) {
        return new Selection(at, at, -1);
    }

    public static Selection of(int anchor, int head) {
        return new Selection(anchor, head, -1);
    }

    public int start() {
        return Math.min(anchor, head);
    }

    public int end() {
        return Math.max(anchor, head);
    }

    public boolean isEmpty() {
        return anchor == head;
    }
}
