package dev.symphony.ui.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.manifest.WorkbenchContributions;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.diff.DiffSide;
import dev.symphony.ui.files.FileDecorations;
import dev.symphony.ui.tabs.OpenDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a source-control extension asks of the workbench: file-tree decorations ({@code workbench.fileDecorations},
 * drawn by the Explorer), being the provider of files' original texts ({@code workbench.quickDiff}) and opening a
 * file's changes against that text in the diff view ({@code workbench.openDiff}). Each is refused unless the manifest
 * declares it ({@code fileDecorations}, {@code editorDecorations}); every path must be inside the open folder. The
 * provider's texts also give the editors' gutter change markers ({@link QuickDiffMarkers}); a line-annotation
 * provider ({@code workbench.lineAnnotations}) the caret line's annotation ({@link LineAnnotations}). Calls
 * to the extension run off the JavaFX thread.
 */
final class SourceControlRequests implements ExtensionContributions.RequestHandler, AutoCloseable {
    private final Workbench workbench;
    private final CompletableFuture<Kernel> kernel;
    private final Map<String, String> originals = new HashMap<>();
    private final QuickDiffMarkers markers;
    private final LineAnnotations annotations;

    SourceControlRequests(Workbench workbench, CompletableFuture<Kernel> kernel) {
        this.workbench = workbench;
        this.kernel = kernel;
        this.markers = new QuickDiffMarkers(kernel, workbench.services().bridge(), workbench.window().workspaceProperty()::get,
                workbench.tabs().documents(), workbench.tabsView()::editorOf);
        this.annotations = new LineAnnotations(kernel, workbench.services().bridge(), workbench.window().workspaceProperty()::get,
                workbench.tabs().documents(), workbench.tabsView()::editorOf);
    }

    /** The caret line's annotation from a line-annotation provider (blame). */
    LineAnnotations annotations() {
        return annotations;
    }

    /** The gutter markers of open documents against the quick-diff provider's texts. */
    QuickDiffMarkers markers() {
        return markers;
    }

    @Override
    public void close() {
        markers.close();
        annotations.close();
    }

    @Override
    public boolean handle(String id, Object request, WorkbenchContributions c) {
        if (request instanceof WorkbenchProtocol.FileDecorations d) {
            ExtensionContributions.require(c, WorkbenchContributions.Feature.FILE_DECORATIONS, "file decorations");
            Path root = root();
            Map<Path, FileDecorations.Decoration> map = new HashMap<>();
            for (WorkbenchProtocol.FileDecoration item : d.items()) {
                map.put(inside(root, item.path()), new FileDecorations.Decoration(item.badge(), item.color() == null ? "#808080" : item.color(),
                        item.tooltip()));
            }
            workbench.fileTree().decorations().replace(id, map);
            return true;
        }
        if (request instanceof WorkbenchProtocol.QuickDiff q) {
            ExtensionContributions.require(c, WorkbenchContributions.Feature.EDITOR_DECORATIONS, "editor decorations");
            originals.put(id, q.capability());
            markers.provider(id, q.capability());
            return true;
        }
        if (request instanceof WorkbenchProtocol.LineAnnotations a) {
            ExtensionContributions.require(c, WorkbenchContributions.Feature.EDITOR_DECORATIONS, "editor decorations");
            annotations.provider(id, a.capability(), a.enabled());
            return true;
        }
        if (request instanceof WorkbenchProtocol.OpenDiff o) {
            String capability = originals.get(id);
            if (capability == null) {
                throw new IllegalArgumentException("it gives no original texts (send workbench.quickDiff first)");
            }
            openDiff(id, capability, o.file());
            return true;
        }
        return false;
    }

    /** The extension's original text of {@code file} (left, read-only) against the open document or the file on disk. */
    void openDiff(String id, String capability, String relative) {
        Path file = inside(root(), relative);
        String name = String.valueOf(file.getFileName());
        OpenDocument open = workbench.tabs().documents().stream().filter(d -> file.equals(d.path())).findFirst().orElse(null);
        workbench.services().bridge().compute(() -> {
            JsonNode out = kernel.join().call(new CapabilityCall("workbench", id, capability,
                    JsonNodeFactory.instance.objectNode().put("file", relative))).output();
            String original = out.path("text").isTextual() ? out.get("text").asText() : "";
            String current = open != null ? null : readOrEmpty(file);
            return new String[] {original, current, out.path("revision").asText("HEAD")};
        }, texts -> {
            String label = name + " (" + (texts[2].length() > 7 ? texts[2].substring(0, 7) : texts[2]) + ")";
            DiffSide right = open != null ? new DiffSide(name, file, open.buffer(), !open.isReadOnly()) : DiffSide.ofText(name, file, texts[1]);
            workbench.diffs().open(DiffSide.ofText(label, file, texts[0]), right);
        }, e -> workbench.window().statusMessageProperty().set("Could not open the changes of " + relative + ": " + e.getMessage()));
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path root() {
        Path root = workbench.window().workspaceProperty().get();
        if (root == null) {
            throw new IllegalArgumentException("no folder is open");
        }
        return root.toAbsolutePath().normalize();
    }

    private static Path inside(Path root, String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("'" + relative + "' is not in the open folder");
        }
        return p;
    }
}
