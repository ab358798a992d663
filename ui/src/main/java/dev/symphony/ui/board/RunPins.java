package dev.symphony.ui.board;

import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A board run's pinned data: a node's output fixed for later runs, kept per Melody file in Symphony's data folder
 * ({@link BoardPins}), marked on the board ({@link BoardOverlays#pinned()}); what went wrong or what happened is said
 * through {@code status}.
 */
final class RunPins {
    /** The kinds of node whose output can be pinned (the conductor pins these only). */
    static final Set<String> PINNABLE = Set.of("call", "loop", "melody");

    private final BoardViewModel vm;
    private final SymphonyPaths paths;
    private final Consumer<String> status;
    private BoardPins pins;

    RunPins(BoardViewModel vm, SymphonyPaths paths, Consumer<String> status) {
        this.vm = vm;
        this.paths = paths;
        this.status = status;
    }

    /**
     * The Melody's pinned data, read from Symphony's data folder the first time it is needed (a pin file that cannot
     * be read is named in the status and the board runs without pins; the file is left as it is).
     */
    BoardPins pins() {
        if (pins == null) {
            Path source = vm.document().source();
            try {
                pins = source == null ? BoardPins.inMemory() : BoardPins.load(paths.data("board-pins"), source);
            } catch (IOException e) {
                status.accept("Pinned data not used: " + e.getMessage());
                return BoardPins.inMemory();
            }
            vm.overlays().pinned().addAll(pins.all().keySet());
        }
        return pins;
    }

    /** Pins {@code r}, what {@code node} produced in run {@code runId}; refused with the reason in the status. */
    boolean pin(String node, BoardRun.NodeResult r, String runId) {
        var n = vm.graphProperty().get().node(node);
        if (n == null || !PINNABLE.contains(n.type())) {
            status.accept("Not pinned: " + node + " is " + (n == null ? "not on the board" : "a " + n.type() + " node")
                    + "; only call, loop and sub-Melody nodes (the ones that do work) are pinned");
            return false;
        }
        if (r == null || r.value() == null) {
            status.accept("Not pinned: " + node + (r == null ? " has no value from the last run here; run it first"
                    : " produced no value that can be pinned (not stored, or over " + RunValues.PIN_LIMIT_BYTES + " bytes)"));
            return false;
        }
        try {
            pins().pin(node, new BoardPins.Pin(r.value(), runId));
        } catch (UncheckedIOException e) {
            status.accept("Not pinned: " + e.getMessage());
            return false;
        }
        vm.overlays().pinned().add(node);
        status.accept("Pinned " + node + ": later runs use " + r.preview());
        return true;
    }

    /** Unpins {@code node}: later runs run it again. */
    boolean unpin(String node) {
        boolean had;
        try {
            had = pins().unpin(node);
        } catch (UncheckedIOException e) {
            status.accept("Not unpinned: " + e.getMessage());
            return false;
        }
        vm.overlays().pinned().remove(node);
        if (had) {
            status.accept("Unpinned " + node + ": later runs run it again");
        }
        return had;
    }
}
