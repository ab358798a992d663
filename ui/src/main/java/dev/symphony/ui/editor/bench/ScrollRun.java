package dev.symphony.ui.editor.bench;

import dev.symphony.ui.editor.EditorView;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrolls to the end of the document and back: 40 jumps down (as when the scroll bar's thumb is
 * dragged), a page at the end, 40 jumps back up, and the jump from the end straight to the top. Every
 * frame repaints all visible lines from the rope.
 */
final class ScrollRun {
    private static final int STEPS = 40;

    private ScrollRun() {}

    /** Frame latencies, and the FX thread's CPU time per frame (input + layout), in ms. */
    static double[][] run(EditorView view, PulseDriver driver) throws Exception {
        List<Double> frames = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        double[] lines = new double[1];
        PulseDriver.onFx(() -> lines[0] = view.buffer().text().lineCount());
        for (int i = 1; i <= STEPS; i++) {
            double target = lines[0] * i / STEPS;
            frames.add(driver.measure(() -> view.scrollTo(target)));
            cpu.add(driver.lastFxCpuMs());
            Thread.sleep(10);
        }
        for (int i = STEPS - 1; i >= 0; i--) {
            double target = lines[0] * i / STEPS;
            frames.add(driver.measure(() -> view.scrollTo(target)));
            cpu.add(driver.lastFxCpuMs());
            Thread.sleep(10);
        }
        frames.add(driver.measure(() -> view.scrollTo(lines[0])));
        frames.add(driver.measure(() -> view.scrollTo(0)));
        return new double[][] {frames.stream().mapToDouble(Double::doubleValue).toArray(),
                cpu.stream().mapToDouble(Double::doubleValue).toArray()};
    }
}
