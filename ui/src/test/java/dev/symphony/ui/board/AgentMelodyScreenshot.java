package dev.symphony.ui.board;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.bench.EditorViewBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: writes agent/docs/images/agent-melody-board.png, a shipped agent Melody on the Harmony Board as its
 * {@code layout} places it (run under {@code xvfb-run -a} with the test class path; arguments: the Melody file, the
 * output PNG).
 */
public final class AgentMelodyScreenshot {
    private AgentMelodyScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path melody = Path.of(args[0]);
        Path png = Path.of(args[1]);
        Files.createDirectories(png.toAbsolutePath().getParent());
        EditorViewBench.startPlatform();
        FxBridge bridge = new FxBridge();
        CompletableFuture<BoardView> ready = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                BoardViewModel vm = new BoardViewModel(new BoardDocument(Files.readString(melody), CapabilityCatalog.NONE), melody, bridge);
                BoardView board = new BoardView(vm);
                Stage stage = new Stage();
                stage.setScene(new Scene(board, 1600, 420));
                stage.show();
                vm.zoomToFit(1600, 420);
                ready.complete(board);
            } catch (Exception e) {
                ready.completeExceptionally(e);
            }
        });
        BoardView board = ready.get(120, TimeUnit.SECONDS);
        Thread.sleep(500);
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(board.getScene().snapshot(null)));
        ImageIO.write(BoardScreenshots.toAwt(shot.get(30, TimeUnit.SECONDS)), "png", png.toFile());
        bridge.close();
        Platform.exit();
    }
}
