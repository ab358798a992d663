package dev.symphony.ui.board;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.run.Capabilities;
import dev.symphony.conductor.run.KernelCapabilities;
import dev.symphony.conductor.run.ManifestCatalog;
import dev.symphony.conductor.run.NoExtensions;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorCommands;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * How the workbench shows {@code *.melody.json} files: a {@link MelodyTab} (board and JSON) around the file's editor,
 * the palette over the installed extensions' capabilities, and the board commands in the command palette.
 */
public final class MelodyTabs {
    private final FxBridge bridge;
    private final ObservableValue<String> theme;
    private final Supplier<Kernel> kernel;
    private final SymphonyPaths paths;
    private java.util.function.Consumer<java.nio.file.Path> opener;

    /** {@code kernel}: the extension kernel if it is up, else null; {@code paths}: where runs keep their data. */
    public MelodyTabs(FxBridge bridge, ObservableValue<String> theme, Supplier<Kernel> kernel, SymphonyPaths paths) {
        this.bridge = bridge;
        this.theme = theme;
        this.kernel = kernel;
        this.paths = paths;
    }

    /** How a board opens another file in the workbench (a sub-Melody from its node). */
    public MelodyTabs opener(java.util.function.Consumer<java.nio.file.Path> opener) {
        this.opener = opener;
        return this;
    }

    private List<ExtensionManifest> installed() {
        Kernel k = kernel.get();
        return k == null ? List.of() : k.catalogue();
    }

    /** The installed extensions' capabilities through the kernel (calls as {@code symphony call} makes them). */
    private Capabilities capabilities() {
        Kernel k = kernel.get();
        return k == null ? NoExtensions.INSTANCE : new KernelCapabilities(k);
    }

    public static boolean isMelody(OpenDocument d) {
        return d.path().getFileName() != null && d.path().getFileName().toString().endsWith(".melody.json")
                && !d.isReadOnly();
    }

    /** The tab content for {@code document}: a Melody tab for a Melody file, else the editor itself. */
    public Node contentFor(OpenDocument document, EditorPane editor) {
        if (!isMelody(document)) {
            return editor;
        }
        List<ExtensionManifest> manifests = installed();
        CapabilityCatalog catalog = manifests.isEmpty() ? CapabilityCatalog.NONE : new ManifestCatalog(manifests);
        MelodyTab tab = new MelodyTab(document, editor, catalog, bridge, this::paletteEntries,
                vm -> new BoardRun(vm, this::capabilities, paths, bridge), paths.data("melody-history"), opener);
        tab.darkProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> "dark".equals(theme.getValue()), theme));
        return tab;
    }

    /** Every built-in node and every capability of every installed extension. */
    public List<PaletteEntry> paletteEntries() {
        List<PaletteEntry> out = new ArrayList<>(PaletteEntry.builtins());
        for (ExtensionManifest m : installed()) {
            for (ExtensionManifest.Capability c : m.capabilities() == null ? List.<ExtensionManifest.Capability>of() : m.capabilities()) {
                out.add(PaletteEntry.of(ManifestCatalog.spec(m, c), c.description()));
            }
        }
        return out;
    }

    /** The board's commands ("Board: …") on the Melody tab {@code active} returns (null: none selected). */
    public static void register(EditorCommands.Sink sink, Supplier<Node> active) {
        Supplier<MelodyTab> tab = () -> active.get() instanceof MelodyTab t ? t : null;
        BoardActions.register(sink, () -> {
            MelodyTab t = tab.get();
            return t == null || !t.boardShown() ? null : t.board();
        });
        sink.command("board.toggleJson", "Toggle Board / JSON", "Board", null, () -> {
            MelodyTab t = tab.get();
            if (t != null) {
                t.toggle();
            }
        });
        sink.command("board.run", "Run the Melody", "Board", null, () -> {
            MelodyTab t = tab.get();
            if (t != null) {
                t.run();
            }
        });
        sink.command("board.stop", "Stop the Run", "Board", null, () -> {
            MelodyTab t = tab.get();
            if (t != null && t.boardRun() != null) {
                t.boardRun().stop();
            }
        });
        sink.command("board.runFromNode", "Run from the Selected Node (reuse the last run's results)", "Board", null, () -> {
            MelodyTab t = tab.get();
            if (t != null) {
                t.runFromSelected();
            }
        });
        sink.command("board.toggleBreakpoint", "Toggle Breakpoint on the Selected Node", "Board", "F9", () -> {
            MelodyTab t = tab.get();
            if (t != null && t.runPanel() != null) {
                t.runPanel().toggleBreakpoint();
            }
        });
        sink.command("board.step", "Step (start the held node, pause before the next)", "Board", "F10", () -> {
            MelodyTab t = tab.get();
            if (t != null && t.runPanel() != null) {
                t.runPanel().step();
            }
        });
        sink.command("board.continue", "Continue the Run (release every breakpoint)", "Board", "F5", () -> {
            MelodyTab t = tab.get();
            if (t != null && t.boardRun() != null) {
                t.boardRun().continueRun();
            }
        });
        sink.command("board.pin", "Pin / Unpin the Selected Node's Output (later runs reuse it)", "Board", null, () -> {
            MelodyTab t = tab.get();
            if (t != null && t.runPanel() != null) {
                t.runPanel().togglePin();
            }
        });
        sink.command("board.history", "Show / Hide the Version History (compare, restore)", "Board", null, () -> {
            MelodyTab t = tab.get();
            if (t != null) {
                t.toggleHistory();
            }
        });
        sink.command("board.openSubMelody", "Open the Selected Sub-Melody", "Board", null, () -> {
            MelodyTab t = tab.get();
            if (t != null) {
                t.openSubMelody();
            }
        });
        sink.command("board.focusPalette", "Focus the Palette (search nodes to add)", "Board", null, () -> {
            MelodyTab t = tab.get();
            if (t != null && t.palette() != null) {
                t.showBoard();
                t.palette().searchField().requestFocus();
            }
        });
    }
}
