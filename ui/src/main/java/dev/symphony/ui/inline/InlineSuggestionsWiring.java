package dev.symphony.ui.inline;

import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Gives every editor tab of a window its {@link InlineSuggestionController}, fed by one {@link ModelSuggestionSource};
 * follows the settings {@code editor.inlineSuggest.enabled} and {@code editor.inlineSuggest.delayMs}.
 */
public final class InlineSuggestionsWiring implements AutoCloseable {
    private final ModelSuggestionSource source;
    private final SettingsService settings;
    private final Map<OpenDocument, InlineSuggestionController> controllers = new IdentityHashMap<>();

    private InlineSuggestionsWiring(ModelSuggestionSource source, SettingsService settings) {
        this.source = source;
        this.settings = settings;
    }

    /** JavaFX thread; {@code editorOf} gives an open document's editor (the tabs view makes it first). */
    public static InlineSuggestionsWiring attach(ObservableList<OpenDocument> documents, Function<OpenDocument, EditorPane> editorOf,
                                                 CompletableFuture<Kernel> kernel, SettingsService settings, FxBridge bridge) {
        InlineSuggestionsWiring wiring = new InlineSuggestionsWiring(new ModelSuggestionSource(kernel, settings), settings);
        documents.forEach(d -> wiring.add(d, editorOf.apply(d), bridge));
        documents.addListener((ListChangeListener<OpenDocument>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(d -> {
                    InlineSuggestionController c = wiring.controllers.remove(d);
                    if (c != null) {
                        c.dispose();
                    }
                });
                change.getAddedSubList().forEach(d -> wiring.add(d, editorOf.apply(d), bridge));
            }
        });
        settings.addListener(() -> bridge.onFx(wiring::applySettings));
        return wiring;
    }

    private void add(OpenDocument document, EditorPane pane, FxBridge bridge) {
        if (pane == null || controllers.containsKey(document)) {
            return;
        }
        InlineSuggestionController c = new InlineSuggestionController(pane.view(), source, bridge::onFx, settings.getInt("editor.inlineSuggest.delayMs"));
        c.model().setEnabled(settings.getBoolean("editor.inlineSuggest.enabled"));
        controllers.put(document, c);
    }

    private void applySettings() {
        boolean on = settings.getBoolean("editor.inlineSuggest.enabled");
        int delay = settings.getInt("editor.inlineSuggest.delayMs");
        controllers.values().forEach(c -> {
            c.model().setEnabled(on);
            c.model().setDelayMs(delay);
        });
    }

    /** The controller of an open document's editor, or null (tests). */
    public InlineSuggestionController controllerOf(OpenDocument document) {
        return controllers.get(document);
    }

    @Override
    public void close() {
        controllers.values().forEach(InlineSuggestionController::dispose);
        controllers.clear();
        source.close();
    }
}
