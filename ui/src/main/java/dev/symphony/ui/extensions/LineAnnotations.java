package dev.symphony.ui.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;

/**
 * The caret line's annotation from a line-annotation provider ({@code workbench.lineAnnotations}; the Git extension's
 * blame), shown after the line's end in each open file of the folder. The provider's lines are asked for on the
 * {@code line-annotations} thread when the provider turns on, when a file opens and when it is saved; they describe
 * the file as saved, so a file with unsaved changes shows none until it is saved again. The JavaFX thread only picks
 * the caret line's text from the answer kept.
 */
final class LineAnnotations extends PerFileProvider {
    private final Map<OpenDocument, Map<Integer, String[]>> lines = new HashMap<>(); // JavaFX thread
    private final Map<OpenDocument, ChangeListener<Boolean>> saves = new HashMap<>();
    private final Set<EditorPane> listening = new HashSet<>();
    private final ExecutorService asks = daemon("line-annotations");

    LineAnnotations(CompletableFuture<Kernel> kernel, FxBridge bridge, Supplier<Path> root, ObservableList<OpenDocument> documents,
                    Function<OpenDocument, EditorPane> editors) {
        super(kernel, bridge, root, documents, editors);
    }

    /** {@code extension}'s {@code capability} annotates lines ({@code enabled}) or no longer does. JavaFX thread. */
    void provider(String extension, String capability, boolean enabled) {
        if (enabled) {
            use(extension, capability);
        } else if (extension.equals(provider)) {
            stopUsing();
            List.copyOf(lines.keySet()).forEach(this::forget);
        }
    }

    /** The annotation shown in {@code document}'s editor now (tests), or "". */
    String shownIn(OpenDocument document) {
        EditorPane pane = editors.apply(document);
        return pane == null ? "" : pane.view().lineAnnotation();
    }

    @Override
    void fetch(OpenDocument document) {
        saves.computeIfAbsent(document, d -> {
            ChangeListener<Boolean> l = (o, was, dirty) -> {
                if (was && !dirty) {
                    fetch(d); // saved: the provider's lines of the file are new
                }
                show(d);
            };
            d.dirtyProperty().addListener(l);
            return l;
        });
        ask(document, asks, LineAnnotations::read, answer -> {
            lines.put(document, answer == null ? Map.of() : answer);
            show(document);
        });
    }

    /** The provider's lines by 0-based line: the text (cut to 200 characters) and the tooltip, if any. */
    private static Map<Integer, String[]> read(JsonNode out) {
        Map<Integer, String[]> answer = new HashMap<>();
        for (JsonNode l : out.path("lines")) {
            if (l.path("line").canConvertToInt() && l.path("text").isTextual()) {
                String text = l.get("text").asText();
                answer.put(l.get("line").asInt() - 1, new String[] {text.length() > 200 ? text.substring(0, 199) + "…" : text,
                        l.path("tooltip").isTextual() ? l.get("tooltip").asText() : null});
            }
        }
        return answer;
    }

    /** Shows the caret line's annotation in {@code document}'s editor (none while it has unsaved changes). */
    private void show(OpenDocument document) {
        EditorPane pane = editors.apply(document);
        if (pane == null) {
            return;
        }
        if (listening.add(pane)) {
            pane.view().addCaretListener(() -> show(document));
        }
        Map<Integer, String[]> known = lines.get(document);
        if (known == null || document.dirtyProperty().get()) {
            pane.view().setLineAnnotation(-1, null, null);
            return;
        }
        int line = pane.view().buffer().text().lineOf(pane.view().shownSelections().get(0).head());
        String[] a = known.get(line);
        pane.view().setLineAnnotation(line, a == null ? null : a[0], a == null ? null : a[1]);
    }

    @Override
    void forget(OpenDocument document) {
        lines.remove(document);
        EditorPane pane = editors.apply(document);
        if (pane != null) {
            pane.view().setLineAnnotation(-1, null, null);
        }
        if (!documents.contains(document)) {
            ChangeListener<Boolean> l = saves.remove(document);
            if (l != null) {
                document.dirtyProperty().removeListener(l);
            }
            listening.remove(pane);
        }
    }

    @Override
    public void close() {
        asks.shutdownNow();
    }
}
