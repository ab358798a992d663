package dev.symphony.ui;

import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.shell.WorkbenchServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real workbench for a headless UI test: a fresh {@code SYMPHONY_HOME} and workspace folder (opened),
 * both deleted by {@link #close}. Start it in the test's {@code @Start}, close it in {@code @AfterEach}.
 */
public final class TestWorkbench implements AutoCloseable {
    public final Path home;
    public final Path workspace;
    public final Workbench workbench;

    private TestWorkbench(Path home, Path workspace, Workbench workbench) {
        this.home = home;
        this.workspace = workspace;
        this.workbench = workbench;
    }

    public static TestWorkbench start(Stage stage, String name) throws Exception {
        return start(stage, name, true);
    }

    /** The same, its workspace folder made but not opened (the test opens it when it wants to). */
    public static TestWorkbench startWithoutFolder(Stage stage, String name) throws Exception {
        return start(stage, name, false);
    }

    private static TestWorkbench start(Stage stage, String name, boolean openFolder) throws Exception {
        Path home = Files.createTempDirectory("symphony-" + name + "-home");
        Path workspace = Files.createTempDirectory("symphony-" + name + "-ws");
        Workbench workbench = new Workbench(WorkbenchServices.start(SymphonyPaths.under(home)), stage);
        if (openFolder) {
            workbench.openFolder(workspace);
        }
        stage.show();
        return new TestWorkbench(home, workspace, workbench);
    }

    public SymphonyPaths paths() {
        return SymphonyPaths.under(home);
    }

    /** Waits up to 10 s; a lookup that races the JavaFX thread's changes counts as "not yet". */
    public static void waitUntil(String what, Supplier<Boolean> condition) throws TimeoutException {
        waitUntil(what, 10, condition);
    }

    /** The same with another bound (a host JVM's or a language server's start on a loaded machine). */
    public static void waitUntil(String what, int seconds, Supplier<Boolean> condition) throws TimeoutException {
        waitUntil(what, seconds, condition, () -> "");
    }

    /** The same; a time-out's message ends with {@code state} (what the test saw instead), read when it times out. */
    public static void waitUntil(String what, int seconds, Supplier<Boolean> condition, Supplier<String> state) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return condition.get();
                } catch (RuntimeException racedWithTheFxThread) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            String seen = "";
            try {
                seen = state.get();
            } catch (RuntimeException unreadable) {
                seen = "(could not read what shows: " + unreadable + ")";
            }
            throw new TimeoutException("timed out waiting until " + what + (seen.isEmpty() ? "" : "; " + seen));
        }
    }

    /**
     * Runs {@code work} on the JavaFX thread and returns its result, waiting up to 15 s: reads of view state (the nodes
     * change there). A failure or a time-out is an {@link IllegalStateException} (so {@link #waitUntil} counts it "not yet").
     */
    public static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JavaFX thread", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not run on the JavaFX thread", e);
        }
    }

    /**
     * Closes {@code workbench} on the JavaFX thread and waits for it (what a test's clean-up calls). Not through
     * TestFX's {@code asyncFx}, which would first rethrow an earlier test failure and leave the workbench open.
     */
    public static void closeOnFx(Workbench workbench) throws Exception {
        java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                workbench.close();
                closed.complete(null);
            } catch (Throwable t) {
                closed.completeExceptionally(t);
            }
        });
        try {
            closed.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Clicks the middle of {@code node}'s part inside its window (a stage, a dialog or a popup such as a context
     * menu), its bounds read on the JavaFX thread. TestFX's {@code clickOn(node)} (and {@code clickOn(query)},
     * {@code doubleClickOn}, {@code moveTo(node)}) read them on the test thread, and reading a node's bounds computes
     * and caches them in its parents: beside a pulse doing the same, a parent's count of children with changed bounds
     * went above the children flagged, and the pulse failed in {@code Parent.updateCachedBounds} with "Index -1 out of
     * bounds". Returns {@code robot}, to go on typing.
     */
    public static org.testfx.api.FxRobotInterface clickOn(org.testfx.api.FxRobot robot, javafx.scene.Node node,
            javafx.scene.input.MouseButton... buttons) throws Exception {
        javafx.geometry.Point2D middle = pointOn(node, javafx.geometry.Pos.CENTER, javafx.geometry.Point2D.ZERO);
        target(robot, node);
        return robot.clickOn(middle, buttons);
    }

    /**
     * Makes {@code node}'s window the one TestFX's {@code write} types into (it sends the characters to that window's
     * scene, not to the focused one): its {@code clickOn(node)} does this, a click on a point does not, so a name typed
     * after a click into a dialog went to the window behind it.
     */
    private static void target(org.testfx.api.FxRobot robot, javafx.scene.Node node) throws Exception {
        javafx.stage.Window window = WaitForAsyncUtils.asyncFx(() -> node.getScene() == null ? null : node.getScene().getWindow())
                .get(10, TimeUnit.SECONDS);
        if (window != null) {
            robot.targetWindow(window);
        }
    }

    /** The first visible node {@code query} (a CSS selector, or a labeled node's text as TestFX reads it) finds, clicked as above. */
    public static org.testfx.api.FxRobotInterface clickOn(org.testfx.api.FxRobot robot, String query,
            javafx.scene.input.MouseButton... buttons) throws Exception {
        return clickOn(robot, node(robot, query), buttons);
    }

    /** A double click on {@code node}, its bounds read on the JavaFX thread (see {@link #clickOn}). */
    public static org.testfx.api.FxRobotInterface doubleClickOn(org.testfx.api.FxRobot robot, javafx.scene.Node node) throws Exception {
        javafx.geometry.Point2D middle = pointOn(node, javafx.geometry.Pos.CENTER, javafx.geometry.Point2D.ZERO);
        target(robot, node);
        return robot.doubleClickOn(middle, javafx.scene.input.MouseButton.PRIMARY);
    }

    /** The first visible node {@code query} finds, looked up on the JavaFX thread; an error naming the query if none. */
    public static javafx.scene.Node node(org.testfx.api.FxRobot robot, String query) throws Exception {
        java.util.Optional<javafx.scene.Node> found = WaitForAsyncUtils.asyncFx(
                () -> robot.lookup(query).match(javafx.scene.Node::isVisible).tryQuery()).get(10, TimeUnit.SECONDS);
        return found.orElseThrow(() -> new AssertionError("no visible node matches the query \"" + query + "\""));
    }

    /**
     * The screen point at {@code pos} of {@code node}'s part inside its window, moved by {@code offset}, read on the
     * JavaFX thread (see {@link #clickOn}).
     */
    public static javafx.geometry.Point2D pointOn(javafx.scene.Node node, javafx.geometry.Pos pos,
            javafx.geometry.Point2D offset) throws Exception {
        // a node that moves from pulse to pulse (a tab's header grows in over 150 ms, its close button riding on its
        // right edge) is pointed at where it comes to rest: a click on the close button's first place hit the title
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        javafx.geometry.Point2D point = placeOf(node, pos, offset);
        while (true) {
            awaitPulse(node);
            javafx.geometry.Point2D again = placeOf(node, pos, offset);
            if (again.equals(point) || System.nanoTime() > deadline) {
                return again;
            }
            point = again;
        }
    }

    /** Waits (at most 100 ms) for the JavaFX pulse after this moment, when animations take their next step. */
    private static void awaitPulse(javafx.scene.Node node) throws Exception {
        java.util.concurrent.CountDownLatch pulsed = new java.util.concurrent.CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Scene scene = node.getScene();
            if (scene == null) {
                pulsed.countDown();
                return;
            }
            Runnable listener = new Runnable() {
                @Override
                public void run() {
                    pulsed.countDown();
                    // not inside the scene's walk over its listeners
                    javafx.application.Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                }
            };
            scene.addPostLayoutPulseListener(listener);
            javafx.application.Platform.requestNextPulse();
        }).get(10, TimeUnit.SECONDS);
        pulsed.await(100, TimeUnit.MILLISECONDS);
    }

    private static javafx.geometry.Point2D placeOf(javafx.scene.Node node, javafx.geometry.Pos pos,
            javafx.geometry.Point2D offset) throws Exception {
        java.util.concurrent.Future<javafx.geometry.Point2D> point = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Scene scene = node.getScene();
            if (scene == null || scene.getWindow() == null) {
                throw new IllegalStateException("cannot point at " + node + ": it is not in a shown window");
            }
            // what the next pulse would do first: a node added since the last one has no place yet (Deny of a review
            // just rebuilt was clicked where it was not)
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
            double minX = Math.max(0, b.getMinX());
            double maxX = Math.min(scene.getWidth(), b.getMaxX());
            double minY = Math.max(0, b.getMinY());
            double maxY = Math.min(scene.getHeight(), b.getMaxY());
            double x = switch (pos.getHpos()) {
                case LEFT -> minX;
                case RIGHT -> maxX;
                default -> (minX + maxX) / 2;
            };
            double y = switch (pos.getVpos()) {
                case TOP -> minY;
                case BOTTOM -> maxY;
                default -> (minY + maxY) / 2;
            };
            return new javafx.geometry.Point2D(scene.getWindow().getX() + scene.getX() + x + offset.getX(),
                    scene.getWindow().getY() + scene.getY() + y + offset.getY());
        });
        try {
            return point.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IllegalStateException detached ? detached : e;
        }
    }

    /** What the window showed, for a person to look at: target/screenshots/NAME (not an assertion). JavaFX thread. */
    public static void screenshot(javafx.scene.Scene scene, String name) {
        javafx.scene.image.WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(png, "png", dir.resolve(name).toFile());
        } catch (java.io.IOException e) {
            System.err.println("no screenshot " + name + ": " + e);
        }
    }

    /** Lets go of every key and mouse button {@code robot} still holds, so none stays down for the next test. */
    public static void releaseAll(FxRobot robot) {
        robot.release(new KeyCode[0]);
        robot.release(new MouseButton[0]);
    }

    /** What a test that types or clicks calls in its {@code @AfterEach}: {@link #releaseAll}, then {@link #close()}. */
    public void close(FxRobot robot) throws Exception {
        releaseAll(robot);
        close();
    }

    /**
     * Closes the workbench on the JavaFX thread, as the window's close does (it stops the tab session's timer and
     * reads the tabs: run on the test thread it raced the JavaFX thread's animation timer and scene), then deletes
     * both folders.
     */
    @Override
    public void close() throws Exception {
        closeOnFx(workbench);
        for (Path dir : new Path[] {home, workspace}) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
