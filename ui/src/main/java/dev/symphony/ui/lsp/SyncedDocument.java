package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One open document synced with one extension. On the JavaFX thread each buffer change becomes a new version: its
 * ranges are appended to what is waiting to be sent, and the change is kept (with the text of the last
 * {@link #HISTORY} versions) so diagnostics computed for an older version can be placed and moved to the text shown
 * now. {@link #takePending()} (the sender's thread) takes everything waiting as one {@code change}: at most one call per
 * keystroke, fewer when the extension is behind.
 */
final class SyncedDocument {
    static final int HISTORY = 64;
    private record Version(int number, Rope text, ChangeSet change) {
    }

    final OpenDocument document;
    final String extension;
    final String capability;
    /** The operator for language requests ({@code documentSync.requests}), or null. */
    final String requests;
    final AnchoredDiagnostics diagnostics = new AnchoredDiagnostics();
    private final Deque<Version> history = new ArrayDeque<>(); // JavaFX thread
    private int version = 1; // JavaFX thread
    private final Object lock = new Object();
    private ArrayNode pending; // guarded by lock
    private int pendingVersion; // guarded by lock
    private boolean reopen; // guarded by lock
    BufferListener listener;
    volatile int failures; // sender thread: calls failed in a row

    SyncedDocument(OpenDocument document, String extension, String capability, String requests) {
        this.document = document;
        this.extension = extension;
        this.capability = capability;
        this.requests = requests;
        history.add(new Version(1, document.rope(), null));
    }

    int version() {
        return version;
    }

    /** A buffer change; returns the change set (undo and redo get one made by diff). JavaFX thread. */
    ChangeSet changed(Rope before, Rope after, ChangeSet change) {
        ChangeSet c = ChangeRanges.orDiff(before, after, change);
        version++;
        history.addLast(new Version(version, after, c));
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
        synchronized (lock) {
            if (pending == null) {
                pending = ChangeRanges.array();
            }
            ChangeRanges.append(before, c, pending);
            pendingVersion = version;
        }
        diagnostics.map(c);
        return c;
    }

    /** The text of {@code number}, or null when it is older than the history (or unknown). */
    Rope textOf(int number) {
        for (Version v : history) {
            if (v.number == number) {
                return v.text;
            }
        }
        return null;
    }

    /** The changes made after version {@code number}, oldest first. */
    List<ChangeSet> changesSince(int number) {
        List<ChangeSet> out = new ArrayList<>();
        for (Version v : history) {
            if (v.number > number && v.change != null) {
                out.add(v.change);
            }
        }
        return out;
    }

    /** What to send now: {@code {version, changes}} of everything waiting, or null. Sender's thread. */
    Object[] takePending() {
        synchronized (lock) {
            if (pending == null) {
                return null;
            }
            Object[] out = {pendingVersion, pending};
            pending = null;
            return out;
        }
    }

    /** The extension lost the document (its host restarted): the next send opens it again with the whole text. */
    void needsReopen() {
        synchronized (lock) {
            reopen = true;
            pending = null;
        }
    }

    boolean reopenPending() {
        synchronized (lock) {
            return reopen;
        }
    }

    /** True once per needed reopen; what was waiting is dropped, the reopen's whole text holds it. JavaFX thread. */
    boolean takeReopen() {
        synchronized (lock) {
            boolean r = reopen;
            reopen = false;
            if (r) {
                pending = null;
            }
            return r;
        }
    }
}
