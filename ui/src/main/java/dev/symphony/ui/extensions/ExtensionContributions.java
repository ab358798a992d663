package dev.symphony.ui.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.WorkbenchContributions;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.kernel.commands.Command;
import dev.symphony.kernel.extensions.ActivationEvents;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.keys.KeyChord;
import dev.symphony.ui.addons.AddonBackend;
import dev.symphony.ui.addons.AddonViewPane;
import dev.symphony.ui.shell.MainWindowView;
import dev.symphony.ui.shell.MainWindowViewModel;
import dev.symphony.ui.shell.WorkbenchServices;
import dev.symphony.ui.problems.Problem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.Label;

/**
 * Puts what extensions contribute into the workbench once the kernel is up, without starting any of them: commands in
 * the palette with their key bindings, a "Show VIEW" command per view (a side-bar view also gets an activity-bar
 * button with its icon; a panel view shows below the editors), status-bar items; and acts on what they ask at
 * run time (events {@code workbench.*}: status text, view changes, notifications), refusing kinds a manifest did not
 * declare. A command or a view starts its extension when first used ({@code onCommand}, {@code onView}); every call
 * runs on this class's own thread, never the JavaFX thread.
 */
public final class ExtensionContributions implements AutoCloseable {
    public static final String SHOW_EXTENSIONS = "workbench.view.extensions";
    private final MainWindowViewModel window;
    private final MainWindowView view;
    private final WorkbenchServices services;
    private final CompletableFuture<Kernel> kernel;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "extension-commands");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> wired = new HashSet<>();
    private final Set<String> ownCommands = new HashSet<>();
    private final Map<String, AddonViewPane> views = new HashMap<>();
    private final Map<String, Label> statusItems = new HashMap<>();
    private final Map<String, WorkbenchContributions> byExtension = new HashMap<>();
    private final Runnable keysChanged;
    private AutoCloseable events;
    private RequestHandler more = (id, request, contributions) -> false;
    private java.util.function.Supplier<com.fasterxml.jackson.databind.node.ObjectNode> editorContext = () -> null;

    /** Handles run-time requests this class does not (source control's); false: not one of its kinds. JavaFX thread. */
    public interface RequestHandler {
        boolean handle(String extensionId, Object request, WorkbenchContributions contributions);
    }
    private dev.symphony.ui.lsp.DocumentSyncs documentSyncs;

    /** {@code keysChanged} re-reads the key bindings into the window's keymap. */
    public ExtensionContributions(MainWindowViewModel window, MainWindowView view, WorkbenchServices services,
                                  CompletableFuture<Kernel> kernel, Runnable keysChanged) {
        this.keysChanged = keysChanged;
        this.window = window;
        this.view = view;
        this.services = services;
        this.kernel = kernel;
        kernel.thenAccept(k -> {
            events = k.onExtensionEvent((id, name, payload) -> {
                if (name.startsWith("workbench.")) {
                    services.bridge().onFx(() -> request(id, name, payload));
                }
            });
            services.bridge().onFx(this::wireNew);
        });
    }

    /** Hands the requests this class does not handle to {@code handler}. */
    public void handleMore(RequestHandler handler) {
        more = handler;
    }

    /** What a command's input says of the active editor ({@code editor}: {@link EditorContext}); null: none is active. */
    public void editorContext(java.util.function.Supplier<com.fasterxml.jackson.databind.node.ObjectNode> context) {
        this.editorContext = context;
    }

    /** Where diagnostics of synced documents go (instead of straight into the Problems view). */
    public void documentSyncs(dev.symphony.ui.lsp.DocumentSyncs syncs) {
        this.documentSyncs = syncs;
    }

    /** The view of {@code viewId} if it was shown once (tests, benchmarks). */
    public AddonViewPane view(String viewId) {
        return views.get(viewId);
    }

    /** Wires the contributions of extensions not wired yet (at start, and after an install). JavaFX thread. */
    public void wireNew() {
        Kernel k = kernel.getNow(null);
        if (k == null) {
            return;
        }
        for (ExtensionManifest m : k.catalogue()) {
            if (wired.add(m.id())) {
                wire(k, m);
            }
        }
        keysChanged.run();
    }

    private void wire(Kernel k, ExtensionManifest m) {
        WorkbenchContributions c = WorkbenchContributions.of(m);
        byExtension.put(m.id(), c);
        for (WorkbenchContributions.CommandItem item : c.commands()) {
            register(item.id(), item.title(), item.category(), item.keybinding(), () -> runCommand(k, m.id(), item));
        }
        for (WorkbenchContributions.View v : c.views()) {
            register("view." + v.id(), "Show " + v.title(), c.commands().isEmpty() ? m.displayName() : c.commands().get(0).category(),
                    null, () -> showView(k, m.id(), v));
            if (v.location() == WorkbenchContributions.Location.SIDEBAR) {
                view.activityBar().removeView(v.id()); // an extension installed again
                view.activityBar().addView(v.id(), v.icon(), v.title() + " (" + m.displayName() + ")", () -> showView(k, m.id(), v));
            }
        }
        for (WorkbenchContributions.StatusItem s : c.statusBar()) {
            Label label = new Label(s.text());
            label.setId("status:" + s.id());
            label.getStyleClass().add("status-item");
            if (s.tooltip() != null) {
                label.setTooltip(new javafx.scene.control.Tooltip(s.tooltip()));
            }
            if (s.command() != null) {
                label.setCursor(javafx.scene.Cursor.HAND);
                label.setOnMouseClicked(e -> window.run(s.command()));
            }
            statusItems.put(m.id() + "/" + s.id(), label);
            view.statusBar().addItem(label, s.right());
        }
    }

    /**
     * Registers an extension's command. A manifest is hostile: it may not take the id of a command it does not own
     * (the workbench's, another extension's) nor a key chord already bound; either is refused and said in the status bar.
     */
    private void register(String id, String title, String category, String keys, Runnable action) {
        if (ownCommands.contains(id)) {
            services.commands().unregister(id); // an extension installed again
        } else if (services.commands().find(id).isPresent()) {
            window.statusMessageProperty().set("An extension's command '" + id + "' was refused: that id is taken");
            return;
        }
        services.commands().register(new Command(id, title, category, action));
        ownCommands.add(id);
        if (keys != null) {
            try {
                KeyChord chord = KeyChord.parse(keys);
                var taken = services.keybindings().bindings().stream()
                        .filter(b -> b.chord().equals(chord) && !b.commandId().equals(id)).findFirst();
                if (taken.isPresent()) {
                    window.statusMessageProperty().set("The key binding " + keys + " of '" + id + "' was refused: it runs '"
                            + taken.get().commandId() + "'");
                } else {
                    services.keybindings().addDefault(id, keys);
                }
            } catch (IllegalArgumentException e) {
                window.statusMessageProperty().set("The key binding of '" + id + "' was refused: " + e.getMessage());
            }
        }
    }

    private void runCommand(Kernel k, String extension, WorkbenchContributions.CommandItem item) {
        window.statusMessageProperty().set("Running " + item.title() + "…");
        var input = JsonNodeFactory.instance.objectNode().put("command", item.id());
        var editor = editorContext.get(); // taken on the JavaFX thread, where the editor lives
        if (editor != null) {
            input.set("editor", editor);
        }
        calls.execute(() -> {
            try {
                new ActivationEvents(k).fire(ActivationEvents.command(item.id()));
                JsonNode out = k.call(new CapabilityCall("workbench", extension, item.capability(), input)).output();
                services.bridge().onFx(() -> window.statusMessageProperty().set(item.title() + ": " + brief(out)));
            } catch (RuntimeException e) {
                services.bridge().onFx(() -> window.statusMessageProperty().set(item.title() + " failed: " + e.getMessage()));
            }
        });
    }

    private static String brief(JsonNode out) {
        String text = out == null ? "" : out.isTextual() ? out.asText() : out.toString();
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }

    private void showView(Kernel k, String extension, WorkbenchContributions.View v) {
        AddonViewPane pane = views.computeIfAbsent(v.id(), id -> new AddonViewPane(id, v.title(), new AddonBackend() {
            private final AddonBackend calls = AddonBackend.of(k, extension, v.capability());

            @Override
            public JsonNode render(JsonNode state) {
                new ActivationEvents(k).fire(ActivationEvents.view(v.id()));
                return calls.render(state);
            }

            @Override
            public JsonNode event(UiEventRecord event) {
                return calls.event(event);
            }
        }, services.bridge()));
        if (v.location() == WorkbenchContributions.Location.PANEL) {
            pane.hideHeading();
            view.showInPanel(v.title(), pane);
        } else {
            view.showInSideBar(v.id(), pane);
        }
        pane.refresh();
    }

    /** A run-time request of extension {@code id}; refused unless its manifest declares it. JavaFX thread. */
    private void request(String id, String name, JsonNode payload) {
        WorkbenchContributions c = byExtension.get(id);
        try {
            Object r = WorkbenchProtocol.decode(name, payload);
            if (r instanceof WorkbenchProtocol.StatusText s) {
                Label label = statusItems.get(id + "/" + s.id());
                if (label == null) {
                    throw new IllegalArgumentException("$.id: no status-bar item '" + s.id() + "' in its manifest");
                }
                label.setText(s.text());
            } else if (r instanceof WorkbenchProtocol.ViewChanged v) {
                AddonViewPane pane = views.get(v.view());
                if (pane != null && c != null && c.views().stream().anyMatch(x -> x.id().equals(v.view()))) {
                    pane.refresh();
                }
            } else if (r instanceof WorkbenchProtocol.Notification n) {
                require(c, WorkbenchContributions.Feature.NOTIFICATIONS, "notifications");
                new Notifications(view, window).show(id, n);
            } else if (r instanceof WorkbenchProtocol.Diagnostics d) {
                require(c, WorkbenchContributions.Feature.DIAGNOSTICS, "diagnostics");
                Path root = window.workspaceProperty().get();
                Path file = root == null ? null : root.resolve(d.file()).normalize();
                if (file == null || !file.startsWith(root)) {
                    throw new IllegalArgumentException("$.file: '" + d.file() + "' is not in the open folder");
                }
                if (documentSyncs != null && documentSyncs.diagnostics(id, file, d)) {
                    return; // an open, synced document: anchored squiggles and Problems (ui.lsp)
                }
                window.problems().replace("extension:" + id + ":" + d.file(), d.items().stream()
                        .map(i -> new Problem(file, i.line(), i.column(), "[" + i.severity() + "] " + i.message() + " (" + id + ")"))
                        .toList());
            } else if (r instanceof WorkbenchProtocol.LanguageResult lr) {
                if (documentSyncs != null) {
                    documentSyncs.languageResult(id, lr); // matched to its request by id; unknown ids are dropped
                }
            } else if (r instanceof WorkbenchProtocol.ApplyEdit ae) {
                if (documentSyncs == null || !documentSyncs.applyEdit(id, ae)) {
                    throw new IllegalArgumentException("no language features take a server's edit here (documentSync.requests)");
                }
            } else if (r instanceof WorkbenchProtocol.QuickPick q) {
                require(c, WorkbenchContributions.Feature.PROMPTS, "prompts");
                Kernel k = kernel.join();
                new Prompts(view).show(id, q, answer -> calls.execute(() -> {
                    try {
                        k.call(new CapabilityCall("workbench", id, q.capability(),
                                JsonNodeFactory.instance.objectNode().put("prompt", q.id()).set("value", answer)));
                    } catch (RuntimeException e) {
                        services.bridge().onFx(() -> window.statusMessageProperty().set(id + " failed on the answer: " + e.getMessage()));
                    }
                }));
            } else if (!more.handle(id, r, c)) {
                throw new IllegalArgumentException("'" + name + "' is not handled by this workbench yet");
            }
        } catch (IllegalArgumentException e) {
            window.statusMessageProperty().set("Refused a request of " + id + " (" + name + "): " + e.getMessage());
        }
    }

    static void require(WorkbenchContributions c, WorkbenchContributions.Feature feature, String name) {
        if (c == null || !c.features().contains(feature)) {
            throw new IllegalArgumentException(name + " are not declared in contributes.workbench");
        }
    }

    @Override
    public void close() throws Exception {
        calls.shutdownNow();
        views.values().forEach(AddonViewPane::close);
        if (events != null) {
            events.close();
        }
    }
}
