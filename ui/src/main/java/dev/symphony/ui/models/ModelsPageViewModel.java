package dev.symphony.ui.models;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.symphony.kernel.settings.SettingsScope;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.kernel.settings.SettingsWriteException;
import dev.symphony.ui.FxBridge;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The Models page's state and commands. Every backend call runs on one background thread and publishes through the
 * {@link FxBridge}; nothing here blocks the JavaFX thread. A key typed by the user goes to the store and is
 * forgotten: the page only ever shows whether one is stored.
 */
public final class ModelsPageViewModel implements AutoCloseable {
    public static final List<String> ROLES = List.of("chat", "inline", "agent", "embed");
    private final ModelsBackend backend;
    private final SettingsService settings;
    private final FxBridge bridge;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "models-page");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService tester = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "models-page-test");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<ModelsBackend.Provider> providers = FXCollections.observableArrayList();
    /** Secret name → "key stored" / "no key". */
    private final ObservableMap<String, Boolean> keyStored = FXCollections.observableHashMap();
    private final ObservableList<ModelsBackend.ModelChoice> models = FXCollections.observableArrayList();
    private final ObservableList<ModelsBackend.LocalServer> localServers = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final StringProperty testProgress = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");
    private volatile AtomicBoolean cancelTest = new AtomicBoolean();

    public ModelsPageViewModel(ModelsBackend backend, SettingsService settings, FxBridge bridge) {
        this.backend = backend;
        this.settings = settings;
        this.bridge = bridge;
    }

    /** Reads the providers, whether each key is stored, and the models (starting the Instruments' hosts to ask). */
    public void refresh() {
        message.set("Reading the model Instruments…");
        worker.execute(() -> {
            try {
                List<ModelsBackend.Provider> p = backend.providers();
                Map<String, Boolean> stored = new java.util.HashMap<>();
                for (ModelsBackend.Provider provider : p) {
                    if (provider.secretName() != null) {
                        stored.put(provider.secretName(), backend.hasKey(provider.secretName()));
                    }
                }
                List<ModelsBackend.ModelChoice> m = backend.models();
                bridge.onFx(() -> {
                    providers.setAll(p);
                    keyStored.clear();
                    keyStored.putAll(stored);
                    models.setAll(m);
                    message.set("");
                });
            } catch (Exception e) {
                bridge.onFx(() -> message.set("Could not read the models: " + e.getMessage()));
            }
        });
    }

    /** Stores {@code value} as {@code secretName}; the caller clears its field. Blank input stores nothing. */
    public void storeKey(String secretName, String value) {
        if (value == null || value.isBlank()) {
            message.set("Type the key for " + secretName + " first.");
            return;
        }
        worker.execute(() -> {
            try {
                backend.storeKey(secretName, value.strip());
                boolean stored = backend.hasKey(secretName);
                bridge.onFx(() -> {
                    keyStored.put(secretName, stored);
                    message.set(secretName + " is stored in the secret store.");
                });
            } catch (Exception e) {
                bridge.onFx(() -> message.set("Could not store " + secretName + ": " + e.getMessage()));
            }
        });
    }

    /** The model a role names now ({@code models.ROLE}), or null. */
    public String roleModel(String role) {
        String v = settings.getString("models." + role);
        return v == null || v.isBlank() ? null : v;
    }

    /** Writes {@code models.ROLE} into the user's settings (null removes it). */
    public void assign(String role, String qualifiedId) {
        try {
            settings.set(SettingsScope.USER, "models." + role, qualifiedId == null ? null : TextNode.valueOf(qualifiedId));
            message.set("models." + role + (qualifiedId == null ? " removed" : " is " + qualifiedId));
        } catch (SettingsWriteException e) {
            message.set(e.getMessage());
        }
    }

    /** Starts a test of {@code qualifiedId}; progress and the verdict arrive in {@link #testProgress} and {@link #testResult}. */
    public void test(String qualifiedId) {
        if (qualifiedId == null || testing.get()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelTest = cancelled;
        testing.set(true);
        testResult.set("");
        testProgress.set("Testing " + qualifiedId + "…");
        tester.execute(() -> {
            String verdict;
            try {
                verdict = backend.test(qualifiedId, step -> bridge.onFx(() -> testProgress.set(step)), cancelled::get);
            } catch (Exception e) {
                verdict = cancelled.get() ? "Cancelled." : "Failed: " + e.getMessage();
            }
            String shown = cancelled.get() ? "Cancelled." : verdict;
            bridge.onFx(() -> {
                testing.set(false);
                testProgress.set("");
                testResult.set(shown);
            });
        });
    }

    /** Cancels the running test (its stream is closed, the host cancels the call). */
    public void cancelTest() {
        cancelTest.set(true);
        testProgress.set("Cancelling…");
    }

    /** Looks for model servers on this machine (the user asked: the button). */
    public void probe() {
        message.set("Looking on 127.0.0.1 (ports 11434, 8080, 1234)…");
        worker.execute(() -> {
            List<ModelsBackend.LocalServer> found = backend.probe();
            bridge.onFx(() -> {
                localServers.setAll(found);
                message.set(found.isEmpty() ? "No model server answered on this machine." : "");
            });
        });
    }

    /** Selects a server found: its Instrument's settings and {@code models.chat}. */
    public void use(ModelsBackend.LocalServer server) {
        try {
            for (String[] kv : server.settings()) {
                settings.set(SettingsScope.USER, kv[0], TextNode.valueOf(kv[1]));
            }
            message.set("Chat uses " + server.description());
        } catch (SettingsWriteException e) {
            message.set(e.getMessage());
        }
    }

    public ObservableList<ModelsBackend.Provider> providers() {
        return providers;
    }

    public ObservableMap<String, Boolean> keyStored() {
        return keyStored;
    }

    public ObservableList<ModelsBackend.ModelChoice> models() {
        return models;
    }

    public ObservableList<ModelsBackend.LocalServer> localServers() {
        return localServers;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty testing() {
        return testing;
    }

    public StringProperty testProgress() {
        return testProgress;
    }

    public StringProperty testResult() {
        return testResult;
    }

    @Override
    public void close() {
        cancelTest.set(true);
        worker.shutdownNow();
        tester.shutdownNow();
    }
}
