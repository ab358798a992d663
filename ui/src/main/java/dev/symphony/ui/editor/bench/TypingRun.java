package dev.symphony.ui.editor.bench;

import dev.symphony.ui.editor.EditorView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keystrokes at several places of the document (start, 10 %, 35 %, 60 %, 85 %, end), with
 * highlighting on: mostly letters, a space every few, a Backspace now and then. Each keystroke is a
 * KEY_TYPED (or KEY_PRESSED for Backspace) event fired into the view, as the scene would deliver it.
 */
final class TypingRun {
    private static final double[] PLACES = {0, 0.10, 0.35, 0.60, 0.85, 1.0};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private TypingRun() {}

    /** Latencies, and the FX thread's CPU time per keystroke (input + layout), in ms. */
    static double[][] run(EditorView view, PulseDriver driver, int keystrokes) throws Exception {
        double[] latencies = new double[keystrokes];
        double[] fxCpu = new double[keystrokes];
        int perPlace = (keystrokes + PLACES.length - 1) / PLACES.length;
        int done = 0;
        for (int place = 0; place < PLACES.length && done < keystrokes; place++) {
            double fraction = PLACES[place];
            PulseDriver.onFx(() -> {
                int lines = view.buffer().text().lineCount();
                view.controller().goToLine(1 + (int) Math.min(lines - 1, fraction * (lines - 1)), 1);
            });
            Thread.sleep(300); // the viewport gets its styles, as when a person starts typing after a jump
            for (int k = 0; k < perPlace && done < keystrokes; k++, done++) {
                KeyEvent event = keyEvent(k);
                latencies[done] = driver.measure(() -> view.fireEvent(event));
                fxCpu[done] = driver.lastFxCpuMs();
                Thread.sleep(15); // about 60 keystrokes a second: a fast typist
            }
        }
        return new double[][] {latencies, fxCpu};
    }

    private static KeyEvent keyEvent(int k) {
        if (k % 11 == 10) {
            return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.BACK_SPACE, false, false, false, false);
        }
        String ch = k % 6 == 5 ? " " : String.valueOf(LETTERS.charAt(k % LETTERS.length()));
        return new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false);
    }
}
