package dev.symphony.kernel.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.fs.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Settings for the whole product, UI-free: defaults from the schema, then the user's
 * settings.json, then the workspace's .symphony/settings.json. Thread-safe; listeners are called
 * on the thread that noticed the change (the watcher's, or the caller of {@link #set}).
 */
public final class SettingsService implements AutoCloseable {
    private volatile SettingsSchema schema;
    private final SettingsFile user;
    private volatile SettingsFile workspace;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ObjectNode effective;
    private DirectoryWatcher watcher;

    /**
     * @param userFile the user's settings.json
     * @param workspaceFile the workspace's .symphony/settings.json, or null when no folder is open
     */
    public SettingsService(SettingsSchema schema, Path userFile, Path workspaceFile) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.user = new SettingsFile(userFile.toAbsolutePath().normalize(), SettingsScope.USER);
        this.workspace = workspaceFile == null ? null
                : new SettingsFile(workspaceFile.toAbsolutePath().normalize(), SettingsScope.WORKSPACE);
        reload();
    }

    /** The workspace settings file of a folder. */
    public static Path workspaceFileOf(Path workspaceRoot) {
        return workspaceRoot.resolve(".symphony").resolve("settings.json");
    }

    public SettingsSchema schema() {
        return schema;
    }

    /**
     * Adds an extension's contributed settings ({@code PREFIX.key}) to the schema: the settings page
     * shows them, and values in the files are checked against them (problems with file and line).
     * Listeners hear about it even when no value changed.
     */
    public synchronized void contribute(String prefix, String category, JsonNode contribution) {
        SettingsSchema extended = schema.withContributed(prefix, category, contribution);
        if (extended == schema) {
            return;
        }
        schema = extended;
        boolean notified = reloadNotifying();
        if (!notified) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Re-reads both files; notifies listeners if anything changed. */
    public synchronized void reload() {
        reloadNotifying();
    }

    /** {@link #reload}; true when it told the listeners. */
    private boolean reloadNotifying() {
        boolean changed = user.load(schema);
        if (workspace != null) {
            changed |= workspace.load(schema);
        }
        ObjectNode merged = schema.defaults();
        merged.setAll(user.values());
        if (workspace != null) {
            merged.setAll(workspace.values());
        }
        boolean first = effective == null;
        changed |= !merged.equals(effective);
        effective = merged;
        if (changed && !first) {
            listeners.forEach(Runnable::run);
            return true;
        }
        return false;
    }

    /** The effective value of a setting (null if nothing declares or sets it). */
    public JsonNode get(String key) {
        return effective.get(key);
    }

    public String getString(String key) {
        JsonNode value = get(key);
        return value == null ? null : value.asText();
    }

    public int getInt(String key) {
        return get(key).asInt();
    }

    public boolean getBoolean(String key) {
        return get(key).asBoolean();
    }

    /** Where the effective value comes from. */
    public SettingsScope scopeOf(String key) {
        if (workspace != null && workspace.values().has(key)) {
            return SettingsScope.WORKSPACE;
        }
        return user.values().has(key) ? SettingsScope.USER : SettingsScope.DEFAULT;
    }

    /** Every current problem in the settings files, in file order. */
    public List<SettingsProblem> problems() {
        List<SettingsProblem> all = new ArrayList<>(user.problems());
        if (workspace != null) {
            all.addAll(workspace.problems());
        }
        return all;
    }

    public Path fileOf(SettingsScope scope) {
        return switch (scope) {
            case USER -> user.path();
            case WORKSPACE -> workspace == null ? null : workspace.path();
            case DEFAULT -> null;
        };
    }

    /**
     * Writes one setting into the user or workspace file (null removes it, returning to the layer
     * below). The value is checked against the schema first; nothing else in the file changes.
     */
    public synchronized void set(SettingsScope scope, String key, JsonNode value) throws SettingsWriteException {
        SettingsFile file = scope == SettingsScope.USER ? user : scope == SettingsScope.WORKSPACE ? workspace : null;
        if (file == null) {
            throw new SettingsWriteException("There is no " + scope.name().toLowerCase() + " settings file to write to.");
        }
        if (value != null) {
            ObjectNode probe = JsonNodeFactory.instance.objectNode();
            probe.set(key, value);
            List<SettingsSchema.Violation> violations = schema.validate(probe);
            if (!violations.isEmpty()) {
                throw new SettingsWriteException("'" + key + "' cannot be " + value + ": " + violations.get(0).message());
            }
        }
        file.write(schema, key, value);
        reload();
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Switches to another workspace's settings file (null: no folder open), reloading and re-watching. */
    public synchronized void setWorkspaceFile(Path workspaceFile) throws IOException {
        workspace = workspaceFile == null ? null
                : new SettingsFile(workspaceFile.toAbsolutePath().normalize(), SettingsScope.WORKSPACE);
        boolean watching = watcher != null;
        close();
        reload();
        if (watching) {
            startWatching();
        }
    }

    /** Reloads whenever a settings file changes on disk (creates the user config folder if needed). */
    public synchronized void startWatching() throws IOException {
        if (watcher != null) {
            return;
        }
        Files.createDirectories(user.path().getParent());
        List<Path> relevant = new ArrayList<>(List.of(user.path(), user.path().getParent()));
        if (workspace != null) {
            relevant.addAll(List.of(workspace.path(), workspace.path().getParent()));
        }
        watcher = new DirectoryWatcher("settings-watcher", (folder, changed) -> {
            Path path = changed.toAbsolutePath().normalize();
            if (workspace != null && path.equals(workspace.path().getParent())) {
                watcher.watch(path); // .symphony/ was just created
            }
            if (relevant.contains(path)) {
                reload();
            }
        });
        watcher.watch(user.path().getParent());
        if (workspace != null) {
            watcher.watch(workspace.path().getParent().getParent());
            watcher.watch(workspace.path().getParent());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
