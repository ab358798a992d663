package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a sub-Melody node ({@code "type": "melody"}) runs, to open it from the board: its {@code path} resolved
 * against the Melody's folder, as the conductor resolves it. Refused with the reason (not a sub-Melody node, no path,
 * no such file, the Melody itself). A cycle through other files (A runs B, B runs A) is the conductor's validator's
 * to refuse: the inspector refuses a path that makes one, and a run refuses a Melody that has one, in its words.
 */
final class SubMelodies {
    private SubMelodies() {
    }

    /** Opens the file the one selected node runs; refused in the board's banner with the reason. */
    static void open(BoardViewModel vm, java.util.function.Consumer<Path> opener) {
        if (vm.selection().size() != 1) {
            vm.messageProperty().set("Select one sub-Melody node to open the Melody it runs");
            return;
        }
        try {
            opener.accept(target(vm.document(), vm.selection().iterator().next()));
        } catch (IllegalArgumentException e) {
            vm.messageProperty().set("Not opened: " + e.getMessage());
        }
    }

    /** The file {@code node} runs; {@link IllegalArgumentException} with the reason when there is none to open. */
    static Path target(BoardDocument document, String node) {
        JsonNode n = null;
        for (JsonNode each : document.tree().path("nodes")) {
            if (each.path("id").asText().equals(node)) {
                n = each;
            }
        }
        if (n == null) {
            throw new IllegalArgumentException("there is no node '" + node + "'");
        }
        if (!"melody".equals(n.path("type").asText())) {
            throw new IllegalArgumentException(node + " is a " + n.path("type").asText("?") + " node, not a sub-Melody");
        }
        String path = n.path("path").asText("");
        if (path.isBlank()) {
            throw new IllegalArgumentException(node + " names no Melody file (its \"path\" is empty)");
        }
        Path source = document.source();
        Path base = source == null || source.toAbsolutePath().getParent() == null ? Path.of("")
                : source.toAbsolutePath().getParent();
        Path file = base.resolve(path).toAbsolutePath().normalize();
        if (source != null && file.equals(source.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(node + " runs this Melody itself (" + file.getFileName()
                    + "): a sub-Melody cycle, which a run refuses");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(node + ": no such Melody file: " + file);
        }
        return file;
    }
}
