package dev.symphony.ui.board;

import javafx.scene.paint.Color;

/** The board's colours in the light and the dark theme (the canvas is painted, not styled by CSS). */
record BoardColors(Color background, Color gridMinor, Color gridMajor, Color nodeFill, Color nodeBorder, Color text,
                   Color subtext, Color selection, Color edge, Color edgeParallel, Color edgeConditional, Color edgeLoop,
                   Color edgeSoft, Color label, Color minimapFill) {
    static final BoardColors LIGHT = new BoardColors(Color.web("#f6f7f9"), Color.web("#e9ebef"), Color.web("#d9dce2"),
            Color.WHITE, Color.web("#c4c8d0"), Color.web("#1f2328"), Color.web("#57606a"), Color.web("#0969da"),
            Color.web("#6e7781"), Color.web("#1a7f37"), Color.web("#bf8700"), Color.web("#8250df"), Color.web("#8c959f"),
            Color.web("#24292f"), Color.web("#ffffffd0"));
    static final BoardColors DARK = new BoardColors(Color.web("#0d1117"), Color.web("#161b22"), Color.web("#21262d"),
            Color.web("#161b22"), Color.web("#30363d"), Color.web("#e6edf3"), Color.web("#8b949e"), Color.web("#2f81f7"),
            Color.web("#8b949e"), Color.web("#3fb950"), Color.web("#d29922"), Color.web("#a371f7"), Color.web("#6e7681"),
            Color.web("#e6edf3"), Color.web("#161b22d0"));

    private static final Color KIND_INPUT = Color.web("#2da44e");
    private static final Color KIND_OUTPUT = Color.web("#cf222e");
    private static final Color KIND_CONDITION = Color.web("#bf8700");
    private static final Color KIND_LOOP = Color.web("#8250df");
    private static final Color KIND_APPROVAL = Color.web("#e16f24");
    private static final Color KIND_MELODY = Color.web("#1b7c83");
    private static final Color KIND_CALL = Color.web("#0969da");

    /** The header colour of a node kind (constants: the painter asks for each node of every frame). */
    static Color kind(String type) {
        return switch (type) {
            case "input" -> KIND_INPUT;
            case "output" -> KIND_OUTPUT;
            case "condition" -> KIND_CONDITION;
            case "loop" -> KIND_LOOP;
            case "approval" -> KIND_APPROVAL;
            case "melody" -> KIND_MELODY;
            default -> KIND_CALL;
        };
    }

    /** The dot on a node a debugged run pauses before. */
    static final Color BREAKPOINT = Color.web("#d1242f");
    static final Color PIN = Color.web("#bf3989");
    static final Color DIFF_ADDED = Color.web("#2da44e");
    static final Color DIFF_CHANGED = Color.web("#d4a72c");
    static final Color DIFF_MOVED = Color.web("#8250df");

    private static final Color[] STATES = {Color.web("#8c959f"), Color.web("#0969da"), Color.web("#1a7f37"),
            Color.web("#cf222e"), Color.web("#e16f24"), Color.web("#6e7781"), Color.web("#bf8700"), Color.web("#e16f24"),
            Color.web("#8250df")};

    /** A run state's colour, in {@link BoardViewModel.NodeState}'s order: ready, running, succeeded, failed, retried,
     * skipped, waiting, approval, paused. */
    static Color state(BoardViewModel.NodeState s) {
        return STATES[s.ordinal()];
    }
}
