package dev.symphony.ui;

import dev.symphony.ui.tabs.TabCloser;
import dev.symphony.ui.terminal.TerminalPanelViewModel;
import java.util.List;
import javafx.stage.Stage;

/**
 * Closing the window (its close button, Quit): programs still running in terminals are asked about
 * first, then unsaved tabs go through the one {@link TabCloser} question (Save All / Don't Save /
 * Cancel). The window closes only when both said yes and every save succeeded.
 */
final class WorkbenchClosing {
    private final Stage stage;
    private final TabCloser closer;
    private final TerminalPanelViewModel terminals;
    private final dev.symphony.ui.tabs.TabSession session;
    private boolean asking;

    WorkbenchClosing(Stage stage, TabCloser closer, TerminalPanelViewModel terminals, dev.symphony.ui.tabs.TabSession session) {
        this.stage = stage;
        this.session = session;
        this.closer = closer;
        this.terminals = terminals;
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose();
        });
    }

    /** Asks what needs asking, then closes the window unless the person cancelled. */
    void requestClose() {
        if (asking) {
            return; // a second close click while the question is up
        }
        asking = true;
        if (!terminals.confirmEnding(terminals.all(), "Close Window", "Closing the window ends it.")) {
            asking = false;
            return;
        }
        session.freeze(); // the tabs as they are now are the ones the next start reopens
        closer.closeAll(List.copyOf(closer.documents())).whenComplete((closed, error) -> {
            asking = false;
            if (Boolean.TRUE.equals(closed)) {
                stage.close();
            } else {
                session.resume();
            }
        });
    }
}
