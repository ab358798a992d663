package dev.symphony.ui.terminal;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.model.hyperlinks.HyperlinkFilter;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * One terminal on screen: the emulator attached to the terminal's pty, and below it a line that
 * says when the process exited and with which status.
 */
public final class TerminalView extends BorderPane {
    public static final String STYLE = "terminal-view";
    public static final String EXIT_BANNER = "terminal-exit-banner";
    private final TerminalInstance terminal;
    private final TerminalWidget widget;
    private final Label exitBanner = new Label();
    private boolean focusWhenShown;

    TerminalView(TerminalInstance terminal, TerminalSettingsProvider settings, HyperlinkFilter links) {
        this.terminal = terminal;
        getStyleClass().add(STYLE);
        setId("terminal-" + terminal.id());
        widget = new TerminalWidget(settings);
        widget.addHyperlinkFilter(links);
        widget.setTtyConnector(terminal.connector());
        widget.start();
        setCenter(widget.getPane());
        // a terminal started by a command gets the focus once it is on screen (laid out, so it has a size)
        widget.canvas().widthProperty().addListener((obs, was, width) -> {
            if (focusWhenShown && width.doubleValue() > 0 && widget.canvas().getScene() != null) {
                focusWhenShown = false;
                widget.canvas().requestFocus();
            }
        });
        exitBanner.getStyleClass().add(EXIT_BANNER);
        exitBanner.setId("terminal-exit-" + terminal.id());
        exitBanner.setMaxWidth(Double.MAX_VALUE);
        exitBanner.setManaged(false);
        exitBanner.setVisible(false);
        setBottom(exitBanner);
        ChangeListener<Integer> onExit = (obs, was, status) -> showExit(status);
        terminal.exitStatusProperty().addListener(onExit);
        if (terminal.exitStatusProperty().get() != null) {
            showExit(terminal.exitStatusProperty().get());
        }
    }

    private void showExit(Integer status) {
        if (status == null) {
            return;
        }
        exitBanner.setText(exitText(status));
        exitBanner.setManaged(true);
        exitBanner.setVisible(true);
    }

    /** What the banner says for an exit status; statuses over 128 are how a shell reports a signal. */
    static String exitText(int status) {
        String signal = status > 128 && status < 160 ? " (ended by signal " + (status - 128) + ")" : "";
        return "The process exited with status " + status + signal + ". Close the tab or start a new terminal.";
    }

    public TerminalInstance terminal() {
        return terminal;
    }

    /** The emulator's screen and scrollback. */
    public TerminalTextBuffer buffer() {
        return widget.getTerminalTextBuffer();
    }

    /** The text of the screen's lines and of up to {@code history} lines of scrollback above them, oldest first. */
    public java.util.List<String> lines(int history) {
        TerminalTextBuffer buffer = buffer();
        java.util.List<String> lines = new java.util.ArrayList<>();
        buffer.lock();
        try {
            for (int i = -Math.min(buffer.getHistoryLinesCount(), history); i < buffer.getScreenLinesCount(); i++) {
                lines.add(buffer.getLine(i).getText());
            }
        } finally {
            buffer.unlock();
        }
        return lines;
    }

    /** What the banner below the terminal says; empty while the process runs. */
    public String exitMessage() {
        return exitBanner.isVisible() ? exitBanner.getText() : "";
    }

    /** Gives the terminal the keyboard focus, now or as soon as it shows. */
    public void focusTerminal() {
        if (widget.canvas().getScene() != null && widget.canvas().getWidth() > 0) {
            widget.canvas().requestFocus();
        } else {
            focusWhenShown = true;
        }
    }

    TerminalWidget widget() {
        return widget;
    }

    /** Stops the emulator; the process itself is ended by the view-model. */
    void dispose() {
        widget.close();
    }
}
