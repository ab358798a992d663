package dev.symphony.ui.board;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.bench.EditorViewBench;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: writes the screenshots of ui/docs/harmony-board.md (run under {@code xvfb-run -a} with the test
 * class path; arguments: the Melody file, the output folder). The Melody is auto-laid out, two nodes selected, and
 * a refused connection shows its reason.
 */
public final class BoardScreenshots {
    private BoardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path melody = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        EditorViewBench.startPlatform();
        FxBridge bridge = new FxBridge();
        for (boolean dark : new boolean[] {false, true}) {
            CompletableFuture<BoardView> ready = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    BoardViewModel vm = new BoardViewModel(new BoardDocument(Files.readString(melody), CapabilityCatalog.NONE),
                            melody, bridge);
                    BoardView board = new BoardView(vm);
                    board.darkProperty().set(dark);
                    Stage stage = new Stage();
                    stage.setScene(new Scene(board, 1500, 640));
                    stage.show();
                    vm.autoLayout(() -> {
                        vm.zoomToFit(1500, 640);
                        vm.selection().addAll(java.util.List.of("draft", "names"));
                        vm.connect("named", "topic");
                        ready.complete(board);
                    });
                } catch (Exception e) {
                    ready.completeExceptionally(e);
                }
            });
            BoardView board = ready.get(120, TimeUnit.SECONDS);
            CompletableFuture<WritableImage> shot = new CompletableFuture<>();
            Thread.sleep(500);
            Platform.runLater(() -> shot.complete(board.getScene().snapshot(null)));
            ImageIO.write(toAwt(shot.get(30, TimeUnit.SECONDS)), "png",
                    out.resolve("harmony-board-" + (dark ? "dark" : "light") + ".png").toFile());
        }
        bridge.close();
        Platform.exit();
    }

    /** Writes {@code image} to target/screenshots/NAME: for a person to look at, not an assertion. */
    static void write(WritableImage image, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(toAwt(image), "png", dir.resolve(name).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static BufferedImage toAwt(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        return out;
    }
}
