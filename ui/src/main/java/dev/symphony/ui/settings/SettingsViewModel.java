package dev.symphony.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.kernel.settings.SettingDescriptor;
import dev.symphony.kernel.settings.SettingsProblem;
import dev.symphony.kernel.settings.SettingsScope;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.kernel.settings.SettingsWriteException;
import dev.symphony.ui.FxBridge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings page: the schema's settings by category, their effective values, the scope edits
 * go to (user or workspace), and the current problems in the settings files.
 */
public final class SettingsViewModel {
    private final SettingsService settings;
    private final FxBridge bridge;
    private final ObjectProperty<SettingsScope> scope = new SimpleObjectProperty<>(SettingsScope.USER);
    private final ObservableList<SettingsProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final List<Runnable> valueListeners = new ArrayList<>();
    private final List<Runnable> schemaListeners = new ArrayList<>();
    private Object shownSchema;

    public SettingsViewModel(SettingsService settings, FxBridge bridge) {
        this.settings = settings;
        this.bridge = bridge;
        settings.addListener(() -> bridge.onFx(this::refresh));
        refresh();
    }

    public ObjectProperty<SettingsScope> scopeProperty() {
        return scope;
    }

    public ObservableList<SettingsProblem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    private final javafx.beans.property.StringProperty query = new javafx.beans.property.SimpleStringProperty("");

    /** The search box's text: every word must appear in a setting's title, key, description, category or choices; {@code @modified} keeps the ones set in a file. */
    public javafx.beans.property.StringProperty queryProperty() {
        return query;
    }

    /** Whether {@code setting} is shown for the current query. */
    public boolean matches(SettingDescriptor setting) {
        String q = query.get() == null ? "" : query.get().strip().toLowerCase(java.util.Locale.ROOT);
        if (q.isEmpty()) {
            return true;
        }
        String haystack = String.join(" ", setting.title(), setting.key(), setting.description(), setting.category(),
                setting.enumValues() == null ? "" : String.join(" ", setting.enumValues())).toLowerCase(java.util.Locale.ROOT);
        for (String word : q.split("\\s+")) {
            boolean ok = word.equals("@modified") ? scopeOf(setting.key()) != SettingsScope.DEFAULT : haystack.contains(word);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Settings grouped by category, in schema order. */
    public Map<String, List<SettingDescriptor>> byCategory() {
        Map<String, List<SettingDescriptor>> groups = new LinkedHashMap<>();
        for (SettingDescriptor descriptor : settings.schema().settings().values()) {
            groups.computeIfAbsent(descriptor.category(), c -> new ArrayList<>()).add(descriptor);
        }
        return groups;
    }

    public JsonNode value(String key) {
        return settings.get(key);
    }

    public SettingsScope scopeOf(String key) {
        return settings.scopeOf(key);
    }

    /** Runs on the JavaFX thread whenever values may have changed (so editors can re-read them). */
    public void addValueListener(Runnable listener) {
        valueListeners.add(listener);
    }

    /** Writes a setting to the selected scope off the JavaFX thread; a refusal shows as lastError. */
    public void set(String key, JsonNode value) {
        SettingsScope target = scope.get();
        bridge.compute(() -> {
            try {
                settings.set(target, key, value);
                return "";
            } catch (SettingsWriteException e) {
                return e.getMessage();
            }
        }, error -> {
            lastError.set(error.isEmpty() ? null : error);
            refresh();
        }, e -> lastError.set(e.toString()));
    }

    /** Removes the setting from the selected scope, so the layer below applies again. */
    public void reset(String key) {
        set(key, null);
    }

    private void refresh() {
        problems.setAll(settings.problems());
        if (shownSchema != null && shownSchema != settings.schema()) {
            schemaListeners.forEach(Runnable::run); // an extension contributed settings: the page is rebuilt
        }
        shownSchema = settings.schema();
        valueListeners.forEach(Runnable::run);
    }

    /** Runs on the JavaFX thread when settings were added to the schema (extensions' contributions). */
    public void addSchemaListener(Runnable listener) {
        schemaListeners.add(listener);
    }
}
