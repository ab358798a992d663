package dev.symphony.ui.board;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * What the board draws over the Melody besides run states and breakpoints: the pinned nodes (a "PIN" badge), the
 * value each node's last run produced (drawn on its outgoing connections) and the marks of a version diff (added and
 * changed nodes outlined). Changed on the JavaFX thread only; the view repaints on every change.
 */
public final class BoardOverlays {
    /** How a version diff marks a node. */
    public enum DiffMark { ADDED, CHANGED, MOVED }

    /** The longest value preview drawn on a connection. */
    static final int EDGE_VALUE_CHARS = 28;

    private final ObservableSet<String> pinned = FXCollections.observableSet();
    private final ObservableMap<String, String> values = FXCollections.observableHashMap();
    private final ObservableMap<String, DiffMark> diff = FXCollections.observableHashMap();

    /** Nodes whose output is pinned. */
    public ObservableSet<String> pinned() {
        return pinned;
    }

    /** Node id → a short preview of what it produced, drawn on each connection out of it. */
    public ObservableMap<String, String> values() {
        return values;
    }

    /** Node id → its mark in the version diff shown. */
    public ObservableMap<String, DiffMark> diff() {
        return diff;
    }

    /** A value preview cut to what fits on a connection. */
    static String edgeText(String preview) {
        String one = preview.replace('\n', ' ');
        return one.length() <= EDGE_VALUE_CHARS ? one : one.substring(0, EDGE_VALUE_CHARS - 1) + "…";
    }
}
