package dev.symphony.ui.terminal;

import dev.symphony.kernel.keys.KeybindingService;
import java.util.function.Supplier;
import dev.symphony.ui.shell.MainWindowViewModel;
import javafx.stage.Window;

/** The terminal's commands and default keys (VS Code's ids and keys), registered on the window. */
public final class TerminalCommands {
    public static final String TOGGLE = "workbench.action.terminal.toggleTerminal";
    public static final String NEW = "workbench.action.terminal.new";
    public static final String SPLIT = "workbench.action.terminal.split";
    public static final String KILL = "workbench.action.terminal.kill";
    public static final String FOCUS_NEXT = "workbench.action.terminal.focusNext";
    public static final String FOCUS_PREVIOUS = "workbench.action.terminal.focusPrevious";
    public static final String FIND = "workbench.action.terminal.focusFind";
    public static final String CLEAR = "workbench.action.terminal.clear";
    public static final String COPY = "workbench.action.terminal.copySelection";
    public static final String PASTE = "workbench.action.terminal.paste";
    public static final String SELECT_ALL = "workbench.action.terminal.selectAll";

    private TerminalCommands() {}

    /**
     * Registers the commands, and routes keys typed into a terminal to it rather than to the
     * workbench's bindings (see {@link TerminalKeyRouting}).
     */
    public static void register(MainWindowViewModel window, TerminalPanelViewModel model, Supplier<TerminalPanelView> view,
                                KeybindingService keybindings, Window stage) {
        window.command(TOGGLE, "Toggle Terminal", "View", "Shortcut+Backquote", model::toggle);
        window.command(NEW, "Create New Terminal", "Terminal", "Shortcut+Shift+Backquote", model::newTerminal);
        window.command(SPLIT, "Split Terminal", "Terminal", "Shortcut+Shift+5", model::split);
        window.command(KILL, "Kill the Active Terminal", "Terminal", null, model::killActive);
        window.command(FOCUS_NEXT, "Focus Next Terminal", "Terminal", null, () -> model.focusNext(1));
        window.command(FOCUS_PREVIOUS, "Focus Previous Terminal", "Terminal", null, () -> model.focusNext(-1));
        window.command(FIND, "Find in Terminal", "Terminal", null, () -> view.get().activeView().ifPresent(v -> v.widget().showFind()));
        window.command(CLEAR, "Clear Terminal", "Terminal", null,
                () -> view.get().activeView().ifPresent(v -> v.widget().getTerminalPanel().clearBuffer()));
        window.command(COPY, "Copy Selection", "Terminal", null,
                () -> view.get().activeView().ifPresent(v -> v.widget().getTerminalPanel().handleCopy(false, false)));
        window.command(PASTE, "Paste into Terminal", "Terminal", null,
                () -> view.get().activeView().ifPresent(v -> v.widget().getTerminalPanel().handlePaste()));
        window.command(SELECT_ALL, "Select All", "Terminal", null,
                () -> view.get().activeView().ifPresent(v -> v.widget().getTerminalPanel().selectAll()));
        TerminalKeyRouting.install(stage, keybindings);
    }
}
