package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.run.NoExtensions;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.bench.EditorViewBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: writes ui/docs/images/harmony-board-approval-{light,dark}.png (run under {@code xvfb-run -a} with the
 * test class path; argument: the output folder). A real run by the conductor, mid-run: the approval {@code check}
 * waits with its Approve / Decline row, a breakpoint holds {@code draft} with its input, {@code topic} and
 * {@code count} succeeded.
 */
public final class BoardRunScreenshots {
    static final String MELODY = """
            {"formatVersion": 1, "name": "review",
             "nodes": [
               {"id": "topic", "type": "input", "schema": {"type": "string", "minLength": 3}},
               {"id": "count", "type": "input", "schema": {"type": "integer", "minimum": 1}, "default": 2},
               {"id": "check", "type": "approval", "prompt": "Publish ${topic}?"},
               {"id": "draft", "type": "output", "value": "${topic} x ${count}"},
               {"id": "post", "type": "output", "value": "posted ${topic}, approved ${check.approved}"}
             ],
             "connections": [{"from": "topic", "to": "check"}, {"from": "topic", "to": "draft"},
               {"from": "count", "to": "draft"}, {"from": "check", "to": "post"}],
             "layout": {"topic": {"x": 0, "y": 0}, "count": {"x": 0, "y": 140}, "check": {"x": 280, "y": 0},
               "draft": {"x": 280, "y": 140}, "post": {"x": 560, "y": 0}}}
            """;

    private BoardRunScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path home = Files.createTempDirectory("board-run-shots");
        Path file = home.resolve("review.melody.json");
        Files.writeString(file, MELODY);
        EditorViewBench.startPlatform();
        FxBridge bridge = new FxBridge();
        for (boolean dark : new boolean[] {false, true}) {
            CompletableFuture<Object[]> ready = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    BoardViewModel vm = new BoardViewModel(new BoardDocument(MELODY, file, CapabilityCatalog.NONE), file, bridge);
                    BoardView board = new BoardView(vm);
                    board.darkProperty().set(dark);
                    BoardRun run = new BoardRun(vm, () -> NoExtensions.INSTANCE, SymphonyPaths.under(home), bridge);
                    RunPanel panel = new RunPanel(run, vm);
                    BorderPane root = new BorderPane(board);
                    root.setBottom(panel);
                    if (dark) {
                        root.setStyle("-fx-base: #24292f; -fx-background: #1b1f24;");
                    }
                    Stage stage = new Stage();
                    stage.setScene(new Scene(root, 1100, 560));
                    stage.show();
                    vm.zoomToFit(1100, 300);
                    run.toggleBreakpoint("draft");
                    run.start(JsonNodeFactory.instance.objectNode().put("topic", "the release notes").put("count", 3));
                    ready.complete(new Object[] {root, vm, run});
                } catch (Exception e) {
                    ready.completeExceptionally(e);
                }
            });
            Object[] parts = ready.get(120, TimeUnit.SECONDS);
            BoardViewModel vm = (BoardViewModel) parts[1];
            long deadline = System.currentTimeMillis() + 60_000;
            while (!(vm.states().get("check") == BoardViewModel.NodeState.APPROVAL
                    && vm.states().get("draft") == BoardViewModel.NodeState.PAUSED)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the run did not reach its approval: " + ((BoardRun) parts[2]).log());
                }
                Thread.sleep(50);
            }
            Platform.runLater(() -> vm.selection().add("draft"));
            Thread.sleep(500);
            CompletableFuture<WritableImage> shot = new CompletableFuture<>();
            Platform.runLater(() -> shot.complete(((BorderPane) parts[0]).getScene().snapshot(null)));
            ImageIO.write(BoardScreenshots.toAwt(shot.get(30, TimeUnit.SECONDS)), "png",
                    out.resolve("harmony-board-approval-" + (dark ? "dark" : "light") + ".png").toFile());
            Platform.runLater(((BoardRun) parts[2])::stop);
        }
        bridge.close();
        Platform.exit();
    }
}
