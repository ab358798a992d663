package dev.symphony.ui.terminal;

import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.shell.Prompter;
import dev.symphony.ui.terminal.pty.CommandRequest;
import dev.symphony.ui.terminal.pty.CommandResult;
import dev.symphony.ui.terminal.pty.HeadlessTerminalRunner;
import dev.symphony.ui.terminal.pty.PtyLauncher;
import dev.symphony.ui.terminal.pty.ShellCommand;
import dev.symphony.ui.terminal.pty.ShellSettings;
import dev.symphony.ui.terminal.pty.TerminalRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The terminal panel's state and commands: the tabs (groups of terminals), the active terminal,
 * whether the panel shows, starting, splitting and closing terminals (asking first when a program
 * still runs), and the {@link TerminalRunner} command API that runs a command in a new terminal.
 * Owns every terminal process; {@link #close()} ends them all.
 */
public final class TerminalPanelViewModel implements TerminalRunner, AutoCloseable {
    private final SettingsService settings;
    private final FxBridge bridge;
    private final Prompter prompter;
    private final PtyLauncher launcher;
    private final Supplier<Path> workspace;
    private final ObservableList<TerminalGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<TerminalInstance> active = new SimpleObjectProperty<>();
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<TerminalAppearance> appearance = new SimpleObjectProperty<>();
    private final ObservableValue<String> theme;
    private int nextId = 1;

    /**
     * @param workspace the open folder (terminals start there), or null
     * @param theme     the workbench theme, which the terminals' colours follow
     */
    public TerminalPanelViewModel(SettingsService settings, FxBridge bridge, Prompter prompter, PtyLauncher launcher,
                                  Supplier<Path> workspace, ObservableValue<String> theme) {
        this.settings = settings;
        this.bridge = bridge;
        this.prompter = prompter;
        this.launcher = launcher;
        this.workspace = workspace;
        this.theme = theme;
        readAppearance();
        theme.addListener((obs, was, now) -> readAppearance());
        settings.addListener(() -> bridge.onFx(this::readAppearance));
    }

    private void readAppearance() {
        TerminalAppearance now = TerminalAppearance.of(settings, theme.getValue());
        if (!now.equals(appearance.get())) {
            appearance.set(now);
        }
    }

    /** Font, scrollback and theme of the terminals. */
    public ReadOnlyObjectProperty<TerminalAppearance> appearanceProperty() {
        return appearance;
    }

    /** The shell the settings describe, started in the workspace root. */
    public ShellCommand shellCommand() {
        return ShellSettings.shell(settings, workspace.get(), System.getenv());
    }

    /** Shows or hides the panel; showing an empty panel starts a terminal. */
    public void toggle() {
        if (visible.get()) {
            visible.set(false);
        } else {
            show();
        }
    }

    public void show() {
        visible.set(true);
        if (groups.isEmpty()) {
            newTerminal();
        }
    }

    /** Starts the configured shell in a new tab; completes on the JavaFX thread. */
    public CompletableFuture<TerminalInstance> newTerminal() {
        visible.set(true);
        return start(shellCommand(), null, false, null);
    }

    /** Starts the configured shell beside the active terminal (a new tab when there is none). */
    public CompletableFuture<TerminalInstance> split() {
        visible.set(true);
        TerminalGroup group = groupOf(active.get());
        return start(shellCommand(), null, false, group);
    }

    @Override
    public CompletableFuture<CommandResult> run(CommandRequest request) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        bridge.onFx(() -> {
            visible.set(true);
            ShellCommand command = HeadlessTerminalRunner.resolve(shellCommand(), request);
            start(command, request.title(), true, null).whenComplete((terminal, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    terminal.result().whenComplete((r, f) -> {
                        if (f != null) {
                            result.completeExceptionally(f);
                        } else {
                            result.complete(r);
                        }
                    });
                }
            });
        });
        return result;
    }

    /**
     * A new tab, titled {@code title}, that shows what {@link TerminalFeed#append} gets (what runs elsewhere: the
     * chat's agent's commands), and shows the panel. On the JavaFX thread.
     */
    public TerminalFeed openFeed(String title) {
        visible.set(true);
        TerminalFeed feed = new TerminalFeed(title);
        ShellCommand where = shellCommand();
        ShellCommand shows = new ShellCommand(List.of(title), java.util.Map.of(), where.directory(), where.columns(), where.rows());
        add(new TerminalInstance(nextId++, shows, feed, title), null);
        return feed;
    }

    private CompletableFuture<TerminalInstance> start(ShellCommand command, String title, boolean capture, TerminalGroup into) {
        CompletableFuture<TerminalInstance> started = new CompletableFuture<>();
        int id = nextId++;
        bridge.compute(() -> {
            try {
                return launcher.start(command); // off the JavaFX thread: a fork and exec take a while
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, process -> started.complete(add(new TerminalInstance(id, command, process,
                title != null ? title : command.programName(), capture, bridge), into)), failure -> {
            Throwable cause = failure instanceof UncheckedIOException u ? u.getCause() : failure;
            message.set("Terminal: " + cause.getMessage());
            started.completeExceptionally(cause);
        });
        return started;
    }

    private TerminalInstance add(TerminalInstance terminal, TerminalGroup into) {
        if (into != null && groups.contains(into)) {
            into.terminals().add(terminal);
        } else {
            groups.add(new TerminalGroup(terminal));
        }
        active.set(terminal);
        return terminal;
    }

    /** Closes the active terminal, asking first if the settings say so. */
    public void killActive() {
        if (active.get() != null) {
            close(List.of(active.get()));
        }
    }

    /** Closes a whole tab, asking first if the settings say so. */
    public void closeGroup(TerminalGroup group) {
        close(List.copyOf(group.terminals()));
    }

    /** Closes terminals after one confirmation for all of them; false when the person declined. */
    public boolean close(List<TerminalInstance> terminals) {
        if (!confirmEnding(terminals, "Close Terminal", "Closing ends it.")) {
            return false;
        }
        for (TerminalInstance terminal : terminals) {
            remove(terminal);
            bridge.compute(() -> {
                terminal.kill(launcher.children()); // waits for the process tree to end, off the JavaFX thread
                return terminal;
            }, t -> { }, e -> message.set("Terminal: " + e.getMessage()));
        }
        return true;
    }

    /** Asks (if the settings say so) whether ending the programs running in these terminals is fine. */
    public boolean confirmEnding(List<TerminalInstance> terminals, String action, String consequence) {
        List<TerminalInstance> asking = terminals.stream().filter(this::needsConfirmation).toList();
        if (asking.isEmpty()) {
            return true;
        }
        String what = asking.size() == 1
                ? "\"" + asking.get(0).runningProgram() + "\" is still running in terminal " + asking.get(0).id() + "."
                : asking.size() + " terminals still run programs.";
        return prompter.confirm(action, what + " " + consequence, action);
    }

    /** Every terminal of every tab. */
    public List<TerminalInstance> all() {
        return groups.stream().flatMap(g -> g.terminals().stream()).toList();
    }

    private boolean needsConfirmation(TerminalInstance terminal) {
        return switch (settings.getString(ShellSettings.CONFIRM_ON_KILL)) {
            case "never" -> false;
            case "always" -> terminal.isRunning();
            default -> terminal.isBusy();
        };
    }

    private void remove(TerminalInstance terminal) {
        TerminalGroup group = groupOf(terminal);
        if (group == null) {
            return;
        }
        int index = groups.indexOf(group);
        group.terminals().remove(terminal);
        if (group.terminals().isEmpty()) {
            groups.remove(group);
        }
        if (active.get() == terminal) {
            active.set(group.terminals().isEmpty()
                    ? (groups.isEmpty() ? null : groups.get(Math.min(index, groups.size() - 1)).terminals().get(0))
                    : group.terminals().get(0));
        }
        if (groups.isEmpty()) {
            visible.set(false);
        }
    }

    /** The tab that holds {@code terminal}, or null. */
    public TerminalGroup groupOf(TerminalInstance terminal) {
        return terminal == null ? null : groups.stream().filter(g -> g.terminals().contains(terminal)).findFirst().orElse(null);
    }

    /** Moves the focus to the next (+1) or previous (-1) terminal, across tabs. */
    public void focusNext(int direction) {
        List<TerminalInstance> all = groups.stream().flatMap(g -> g.terminals().stream()).toList();
        if (!all.isEmpty()) {
            int at = all.indexOf(active.get());
            active.set(all.get(Math.floorMod(at + direction, all.size())));
        }
    }

    public ObservableList<TerminalGroup> groups() {
        return groups;
    }

    public ObjectProperty<TerminalInstance> activeProperty() {
        return active;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Ends every terminal's process tree, and stops tracking (the workbench is closing). */
    @Override
    public void close() {
        groups.clear();
        active.set(null);
        launcher.children().close();
    }
}
