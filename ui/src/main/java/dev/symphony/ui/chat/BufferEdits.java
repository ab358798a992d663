package dev.symphony.ui.chat;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.StaleEditException;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.ui.FxBridge;
import dev.symphony.agent.DiskEdits;
import dev.symphony.agent.ProposedEdit;
import dev.symphony.agent.WorkspaceEdits;
import dev.symphony.ui.tabs.EditorTabsViewModel;
import dev.symphony.ui.tabs.OpenDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The agent's edits through the editor: a file open in a tab is edited in its buffer with
 * {@link Buffer#applyExternal} from the revision the edit was computed on (rebased onto what the person typed
 * since, or refused when they changed the same text) and saved by its tab, so Undo reverts it; any other file is
 * read, edited and saved atomically, refused when it changed on disk since the proposal. Called from the agent's
 * thread; buffers are touched on the JavaFX thread only.
 */
final class BufferEdits implements WorkspaceEdits {
    private final EditorTabsViewModel tabs;
    private final FxBridge bridge;

    BufferEdits(EditorTabsViewModel tabs, FxBridge bridge) {
        this.tabs = tabs;
        this.bridge = bridge;
    }

    @Override
    public String read(Path file) throws IOException {
        Optional<String> open = onFx(() -> openBuffer(file).map(b -> b.text().toString()));
        return open.isPresent() ? open.get() : DocumentFile.open(file).text().toString();
    }

    @Override
    public ProposedEdit propose(Path file, String oldText, String newText) throws IOException {
        record Seen(String text, long revision) {
        }
        Optional<Seen> open = onFx(() -> openBuffer(file).map(b -> new Seen(b.text().toString(), b.revision())));
        Seen seen = open.orElse(null);
        if (seen == null) {
            seen = new Seen(DocumentFile.open(file).text().toString(), ProposedEdit.ON_DISK);
        }
        return DiskEdits.replacing(file, seen.revision(), seen.text(), oldText, newText);
    }

    @Override
    public void apply(ProposedEdit edit) throws IOException, StaleEditException {
        record Applied(String stale, CompletableFuture<Boolean> saved) {
        }
        Optional<Applied> inBuffer = onFx(() -> {
            Optional<OpenDocument> doc = tabs.find(edit.file()).filter(d -> !d.isReadOnly());
            if (doc.isEmpty()) {
                return Optional.<Applied>empty();
            }
            Buffer buffer = doc.get().buffer();
            try {
                long base = edit.baseRevision();
                if (base == ProposedEdit.ON_DISK) { // opened since the proposal: only its unchanged text will do
                    if (!buffer.text().toString().equals(edit.before())) {
                        throw new StaleEditException(edit.file().getFileName() + " was opened and changed since the edit was proposed");
                    }
                    base = buffer.revision();
                }
                buffer.applyExternal(base, edit.change());
                return Optional.of(new Applied(null, tabs.save(doc.get())));
            } catch (StaleEditException e) {
                return Optional.of(new Applied(e.getMessage(), null));
            }
        });
        if (inBuffer.isPresent()) {
            if (inBuffer.get().stale() != null) {
                throw new StaleEditException(inBuffer.get().stale());
            }
            awaitSaved(inBuffer.get().saved(), edit.file()); // the step's checkpoint reads the file after it
            return;
        }
        DiskEdits.apply(edit);
    }

    private static void awaitSaved(CompletableFuture<Boolean> saved, Path file) throws IOException {
        try {
            if (!saved.get()) {
                throw new IOException("the edit is in the tab of " + file.getFileName() + ", but saving it failed (see the status bar)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + file.getFileName() + " was saved", e);
        } catch (ExecutionException e) {
            throw new IOException("saving " + file.getFileName() + " failed: " + e.getCause(), e);
        }
    }

    private Optional<Buffer> openBuffer(Path file) {
        return tabs.find(file).filter(d -> !d.isReadOnly()).map(OpenDocument::buffer);
    }

    private <T> T onFx(Supplier<T> work) throws IOException {
        CompletableFuture<T> result = new CompletableFuture<>();
        bridge.onFx(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }
}
