package dev.symphony.ui.problems;

import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * Checks every open JSON document as it is typed (250 ms after the last edit, off the JavaFX thread on the
 * rope's immutable snapshot) and reports into the {@link ProblemsModel}; a closed document's problems go.
 */
public final class OpenJsonProblems {
    static final Duration DEBOUNCE = Duration.millis(250);
    private final ProblemsModel problems;
    private final FxBridge bridge;
    private final Map<OpenDocument, Watch> watched = new HashMap<>();

    public OpenJsonProblems(ObservableList<OpenDocument> documents, ProblemsModel problems, FxBridge bridge) {
        this.problems = problems;
        this.bridge = bridge;
        documents.forEach(this::watch);
        documents.addListener((ListChangeListener<OpenDocument>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::unwatch);
                change.getAddedSubList().forEach(this::watch);
            }
        });
    }

    private void watch(OpenDocument document) {
        if (!JsonCheck.appliesTo(document.path()) || document.isReadOnly() || watched.containsKey(document)) {
            return;
        }
        PauseTransition delay = new PauseTransition(DEBOUNCE);
        delay.setOnFinished(e -> check(document));
        // a closed document's buffer goes with it (buffers have no removeListener): the listener checks
        BufferListener listener = (before, after, change) -> bridge.onFx(() -> {
            if (watched.containsKey(document)) {
                delay.playFromStart();
            }
        });
        document.buffer().addListener(listener);
        watched.put(document, new Watch(delay, listener));
        check(document);
    }

    private void unwatch(OpenDocument document) {
        Watch w = watched.remove(document);
        if (w != null) {
            w.delay().stop();
            problems.replace(source(document), List.of());
        }
    }

    private void check(OpenDocument document) {
        long revision = document.buffer().revision();
        var text = document.rope();
        try {
            bridge.compute(() -> JsonCheck.check(document.path(), text.asCharSequence()), found -> {
                if (watched.containsKey(document) && document.buffer().revision() == revision) {
                    problems.replace(source(document), found);
                }
            }, e -> { });
        } catch (java.util.concurrent.RejectedExecutionException windowClosed) {
            // a debounced check that fires after the window closed (its bridge is shut down): nothing to show it in
        }
    }

    private static String source(OpenDocument document) {
        return "json:" + document.path();
    }

    private record Watch(PauseTransition delay, BufferListener listener) {
    }
}
