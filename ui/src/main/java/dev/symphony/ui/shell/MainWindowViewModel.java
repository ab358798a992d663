package dev.symphony.ui.shell;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.symphony.kernel.commands.Command;
import dev.symphony.kernel.settings.SettingsScope;
import dev.symphony.kernel.settings.SettingsWriteException;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's state: the open folder, the theme and status bar (both from settings), whether
 * the side bar and the settings page show, the status message and the problem count. It registers
 * the workbench's own commands; views bind to it and never the other way round.
 */
public final class MainWindowViewModel {
    private final WorkbenchServices services;
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>();
    private final StringProperty theme = new SimpleStringProperty(Themes.LIGHT);
    private final BooleanProperty statusBarVisible = new SimpleBooleanProperty(true);
    private final BooleanProperty sideBarVisible = new SimpleBooleanProperty(true);
    private final BooleanProperty settingsOpen = new SimpleBooleanProperty(false);
    private final BooleanProperty panelVisible = new SimpleBooleanProperty(false);
    private final StringProperty statusMessage = new SimpleStringProperty("");
    private final IntegerProperty problemCount = new SimpleIntegerProperty();
    private final dev.symphony.ui.problems.ProblemsModel problems = new dev.symphony.ui.problems.ProblemsModel();

    public MainWindowViewModel(WorkbenchServices services) {
        this.services = services;
        problemCount.bind(problems.count());
        services.settings().addListener(() -> services.bridge().onFx(this::readSettings));
        readSettings();
    }

    private void readSettings() {
        theme.set(services.settings().getString(Themes.SETTING));
        statusBarVisible.set(services.settings().getBoolean("workbench.showStatusBar"));
        java.util.List<dev.symphony.ui.problems.Problem> found = new java.util.ArrayList<>();
        java.util.stream.Stream.concat(services.settings().problems().stream(), services.keybindings().problems().stream())
                .forEach(p -> found.add(new dev.symphony.ui.problems.Problem(p.file(), p.line(), p.column(),
                        p.jsonPath() == null ? p.message() : p.jsonPath() + ": " + p.message())));
        problems.replace("settings", found);
    }

    /** Called when key bindings were reloaded, to update the problem count. */
    public void keybindingsChanged() {
        readSettings();
    }

    /** Registers a command and its default key binding (null for none). */
    public void command(String id, String title, String category, String defaultKeys, Runnable action) {
        services.commands().register(new Command(id, title, category, action));
        if (defaultKeys != null) {
            services.keybindings().addDefault(id, defaultKeys);
        }
    }

    /**
     * Switches between the light and dark theme and remembers the choice in the user's settings (the
     * status bar's theme item shows the result; only a failure becomes the status message).
     */
    public void toggleTheme() {
        setTheme(Themes.other(theme.get()));
    }

    /** Shows a theme and remembers it in the user's settings, off the JavaFX thread (a failure is the status message). */
    public void setTheme(String name) {
        theme.set(name);
        services.bridge().compute(() -> {
            try {
                services.settings().set(SettingsScope.USER, Themes.SETTING, TextNode.valueOf(name));
                return "";
            } catch (SettingsWriteException e) {
                return e.getMessage();
            }
        }, statusMessage::set, e -> statusMessage.set(e.toString()));
    }

    public ObjectProperty<Path> workspaceProperty() {
        return workspace;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public BooleanProperty statusBarVisibleProperty() {
        return statusBarVisible;
    }

    public BooleanProperty sideBarVisibleProperty() {
        return sideBarVisible;
    }

    public BooleanProperty settingsOpenProperty() {
        return settingsOpen;
    }

    /** Whether the bottom panel (the terminals) shows below the editors. */
    public BooleanProperty panelVisibleProperty() {
        return panelVisible;
    }

    public StringProperty statusMessageProperty() {
        return statusMessage;
    }

    /** How many problems the status bar counts (every source: settings, key bindings, open JSON files…). */
    public IntegerProperty problemCountProperty() {
        return problemCount;
    }

    /** Every problem known now, from every source. */
    public dev.symphony.ui.problems.ProblemsModel problems() {
        return problems;
    }

    /** Runs a registered command (e.g. from a click in the status bar). */
    public void run(String commandId) {
        services.commands().execute(commandId);
    }

    /** The window title: the folder's name, then the product. */
    public String title() {
        Path folder = workspace.get();
        return folder == null ? "Symphony" : folder.getFileName() + " — Symphony";
    }
}
