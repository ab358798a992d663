package dev.symphony.ui.terminal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The terminal panel: a header with New, Split and Kill, and a tab per terminal group. It builds
 * a {@link TerminalView} for each terminal the view-model starts and disposes it when it goes.
 */
public final class TerminalPanelView extends BorderPane {
    public static final String ID = "terminal-panel";
    public static final String NEW_ID = "terminal-new";
    public static final String SPLIT_ID = "terminal-split";
    public static final String KILL_ID = "terminal-kill";
    public static final String TABS_ID = "terminal-tabs";
    private final TerminalPanelViewModel model;
    private final TabPane tabs = new TabPane();
    private final Map<TerminalGroup, Tab> tabOf = new IdentityHashMap<>();
    private final TerminalSettingsProvider settingsProvider;
    private final FileLinkOpener files;
    private final Consumer<String> urls;

    /** @param files opens a clicked {@code path:line:col} in the workbench */
    public TerminalPanelView(TerminalPanelViewModel model, FileLinkOpener files) {
        this.model = model;
        this.settingsProvider = new TerminalSettingsProvider(model.appearanceProperty()::get);
        this.files = files;
        this.urls = new UrlOpener(model.messageProperty()::set);
        setId(ID);
        getStyleClass().add("terminal-panel");
        setTop(header());
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        setCenter(tabs);
        model.groups().addListener((ListChangeListener<TerminalGroup>) c -> sync());
        sync();
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, tab) -> {
            TerminalGroup group = groupOf(tab);
            if (group != null && model.groupOf(model.activeProperty().get()) != group && !group.terminals().isEmpty()) {
                model.activeProperty().set(group.terminals().get(0));
            }
        });
        model.activeProperty().addListener((obs, was, terminal) -> reveal(terminal));
        model.appearanceProperty().addListener((obs, was, now) -> appearanceChanged());
    }

    private HBox header() {
        Label title = new Label("TERMINAL");
        title.getStyleClass().add("text-caption");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button create = button(NEW_ID, "+", "New Terminal", () -> model.newTerminal());
        Button split = button(SPLIT_ID, "◫", "Split Terminal", () -> model.split());
        Button kill = button(KILL_ID, "✕", "Kill Terminal", model::killActive);
        kill.disableProperty().bind(model.activeProperty().isNull());
        HBox header = new HBox(4, title, spacer, create, split, kill);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(2, 6, 2, 8));
        return header;
    }

    private static Button button(String id, String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().addAll("flat", "small");
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private void sync() {
        List<TerminalGroup> groups = List.copyOf(model.groups());
        tabOf.keySet().removeIf(group -> {
            if (!groups.contains(group)) {
                Tab tab = tabOf.get(group);
                ((TerminalGroupView) tab.getContent()).dispose();
                tabs.getTabs().remove(tab);
                return true;
            }
            return false;
        });
        for (TerminalGroup group : groups) {
            tabOf.computeIfAbsent(group, this::tabFor);
        }
        tabs.getTabs().setAll(groups.stream().map(tabOf::get).toList());
    }

    private Tab tabFor(TerminalGroup group) {
        TerminalGroupView content = new TerminalGroupView(group, this::viewFor);
        Tab tab = new Tab();
        tab.setContent(content);
        tab.textProperty().bind(Bindings.createStringBinding(() -> tabTitle(group), group.terminals()));
        tab.setOnCloseRequest(e -> {
            e.consume(); // the view-model decides (it may ask first) and removes the group
            model.closeGroup(group);
        });
        return tab;
    }

    private static String tabTitle(TerminalGroup group) {
        if (group.terminals().isEmpty()) {
            return "";
        }
        TerminalInstance first = group.terminals().get(0);
        String title = first.id() + ": " + first.titleProperty().get();
        return group.terminals().size() > 1 ? title + " (+" + (group.terminals().size() - 1) + ")" : title;
    }

    private TerminalView viewFor(TerminalInstance terminal) {
        TerminalLinks links = new TerminalLinks(terminal.command().directory(), files, urls);
        TerminalView view = new TerminalView(terminal, settingsProvider, links);
        view.widget().canvas().focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                model.activeProperty().set(terminal);
            }
        });
        return view;
    }

    private void reveal(TerminalInstance terminal) {
        TerminalGroup group = model.groupOf(terminal);
        Tab tab = group == null ? null : tabOf.get(group);
        if (tab != null) {
            tabs.getSelectionModel().select(tab);
            if (terminal.feed().isEmpty()) { // a feed takes no input: the keyboard stays where the person types (the chat)
                viewOf(terminal).ifPresent(TerminalView::focusTerminal);
            }
        }
    }

    private TerminalGroup groupOf(Tab tab) {
        return tabOf.entrySet().stream().filter(e -> e.getValue() == tab).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The view of a terminal, when the panel shows it. */
    public Optional<TerminalView> viewOf(TerminalInstance terminal) {
        TerminalGroup group = model.groupOf(terminal);
        Tab tab = group == null ? null : tabOf.get(group);
        return tab == null ? Optional.empty() : Optional.ofNullable(((TerminalGroupView) tab.getContent()).viewOf(terminal));
    }

    /** The view of the active terminal. */
    public Optional<TerminalView> activeView() {
        return Optional.ofNullable(model.activeProperty().get()).flatMap(this::viewOf);
    }

    /** Repaints in the current theme and re-reads the font (scrollback applies to new terminals). */
    private void appearanceChanged() {
        tabOf.values().forEach(tab -> ((TerminalGroupView) tab.getContent()).views().values().forEach(v -> {
            v.widget().refreshFont();
            v.widget().getTerminalPanel().repaint();
        }));
    }
}
