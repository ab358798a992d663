package dev.symphony.ui.chat;

import dev.symphony.ui.FxBridge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chat's threads, kept per workspace ({@link ChatThreads}): the current thread is saved each time a request or a
 * restore ends; {@link #newThread()} starts another and keeps the old one; {@link #open} continues a kept one;
 * {@link #threads()} lists those matching {@link #queryProperty()} (titles and message text). Files are read and
 * written on one background thread, in order; the lists change on the JavaFX thread. Never touches a scene node.
 */
public final class ChatHistory implements AutoCloseable {
    private final ChatViewModel chat;
    private final FxBridge bridge;
    private final Path root;
    private final LongSupplier clock;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chat-threads");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<ChatThreads.Saved> threads = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private volatile ChatThreads store; // the open folder's; replaced on the JavaFX thread, read on io
    private String currentId; // the JavaFX thread's

    /**
     * @param root where threads are kept (the data folder's {@code chat-threads})
     * @param folder the window's open folder: its threads are listed, and a change of folder starts a new thread
     */
    public ChatHistory(ChatViewModel chat, FxBridge bridge, Path root, ObservableValue<Path> folder, LongSupplier clock) {
        this.chat = chat;
        this.bridge = bridge;
        this.root = root;
        this.clock = clock;
        this.store = ChatThreads.of(root, folder.getValue());
        chat.busyProperty().addListener((o, was, now) -> {
            if (!now) {
                save();
            } else if (currentId == null) {
                currentId = ChatThreads.newId(clock.getAsLong()); // from the first request on: its commands' tab is keyed by it
            }
        });
        folder.addListener((o, was, now) -> {
            save();
            if (!chat.busyProperty().get()) {
                chat.clear();
            }
            currentId = null;
            store = ChatThreads.of(root, now);
            refresh();
        });
        chat.entries().addListener((javafx.collections.ListChangeListener<ChatEntry>) c -> {
            if (chat.entries().isEmpty()) {
                currentId = null; // emptied (New, another folder, a thread being opened): the next save is a new file
            }
        });
        query.addListener((o, was, now) -> refresh());
        refresh();
    }

    /** The kept threads of the open folder that match the query, newest first. */
    public ObservableList<ChatThreads.Saved> threads() {
        return threads;
    }

    /** Words to look for in the threads' titles and messages; the list follows as it changes. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Files that could not be read or written, each named; empty when all is well. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** The id of the thread shown (null until its first request starts). */
    public String currentId() {
        return currentId;
    }

    /** Saves the current thread and starts an empty one (not while a request runs). On the JavaFX thread. */
    public void newThread() {
        if (chat.busyProperty().get()) {
            return;
        }
        save();
        chat.clear();
        currentId = null;
        refresh();
    }

    /** Saves the current thread and shows the kept thread {@code id}, to continue it. On the JavaFX thread. */
    public void open(String id) {
        if (chat.busyProperty().get() || id.equals(currentId)) {
            return;
        }
        save();
        ChatThreads from = store;
        background(() -> {
            try {
                ChatThreads.Saved saved = from.load(id);
                bridge.onFx(() -> {
                    if (from == store && chat.resume(saved.conversation(), ThreadEntries.toEntries(saved.shown()), saved.usage())) {
                        currentId = id;
                    }
                });
            } catch (IOException | RuntimeException e) {
                bridge.onFx(() -> problem.set(e.getMessage()));
            }
        });
    }

    /** Writes the current thread (when it has anything) to its file, off the JavaFX thread. On the JavaFX thread. */
    void save() {
        if (chat.entries().isEmpty()) {
            return;
        }
        List<ChatThreads.Shown> shown = ThreadEntries.toShown(chat.entries());
        if (shown.stream().noneMatch(s -> "user".equals(s.kind()))) {
            return; // notices alone (a folder without rules…) are not a thread
        }
        long now = clock.getAsLong();
        if (currentId == null) {
            currentId = ChatThreads.newId(now);
        }
        ChatThreads.Saved thread = new ChatThreads.Saved(currentId, ThreadEntries.title(shown), now, chat.conversation(), shown,
                chat.usageTotals());
        ChatThreads to = store;
        background(() -> {
            try {
                to.save(thread);
            } catch (IOException | RuntimeException e) {
                bridge.onFx(() -> problem.set("The chat thread could not be saved to " + to.file(thread.id()) + ": " + e.getMessage()));
            }
        });
        refresh();
    }

    /** Lists the threads matching the query again. */
    public void refresh() {
        ChatThreads from = store;
        String q = query.get();
        background(() -> {
            try {
                ChatThreads.Listing listing = from.search(q);
                bridge.onFx(() -> {
                    if (from == store && q.equals(query.get())) {
                        threads.setAll(listing.threads());
                        problem.set(String.join("\n", listing.problems()));
                    }
                });
            } catch (IOException | RuntimeException e) {
                bridge.onFx(() -> problem.set("The chat threads in " + from.folder() + " cannot be listed: " + e.getMessage()));
            }
        });
    }

    private void background(Runnable work) {
        try {
            io.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the window closed: nothing more is read or written
        }
    }

    /**
     * Saves the thread shown and stops (queued writes still finish). From the JavaFX thread it returns at once; from
     * another thread (a test's clean-up) it waits up to 5 s for the writes, so the folders can be deleted after it.
     */
    @Override
    public void close() {
        java.util.concurrent.CompletableFuture<Void> stopped = new java.util.concurrent.CompletableFuture<>();
        bridge.onFx(() -> {
            try {
                save();
            } finally {
                io.shutdown();
                stopped.complete(null);
            }
        });
        if (!javafx.application.Platform.isFxApplicationThread()) {
            try {
                stopped.get(5, java.util.concurrent.TimeUnit.SECONDS);
                io.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the JavaFX thread is gone or stuck: what was saved before stays
            }
        }
    }
}
