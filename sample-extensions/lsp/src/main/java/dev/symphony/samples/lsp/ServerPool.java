package dev.symphony.samples.lsp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The running servers, one per (server, workspace folder), and the documents open in each. All state is touched on
 * the pool's one thread ({@code lsp-pool}); callers only enqueue, so the host's bus thread never waits on a server.
 * A server starts with its folder's first document (on its own thread: starting takes seconds), is opened with every
 * document of its folder when ready, is restarted with a doubling back-off when it crashes (at most
 * {@link Context#maxRestarts} times in a row; a start that initialized resets the count), and is shut down when its
 * folder has had no open document for {@link Context#idle}.
 */
final class ServerPool implements AutoCloseable {
    /** Tunables; tests shorten them. */
    record Context(Duration idle, Duration firstBackoff, Duration maxBackoff, int maxRestarts) {
        static Context defaults() {
            return new Context(Duration.ofMinutes(3), Duration.ofMillis(500), Duration.ofSeconds(30), 5);
        }
    }

    /** A status line for the user: server name, folder, what happened. */
    interface Listener {
        void diagnostics(ServerSpec spec, Path root, PublishDiagnosticsParams params);

        void status(ServerSpec spec, Path root, String message);

        /** The server's {@code workspace/applyEdit}: completes with the workbench's answer. */
        java.util.concurrent.CompletableFuture<org.eclipse.lsp4j.ApplyWorkspaceEditResponse> applyEdit(ServerSpec spec, Path root,
                                                                                              org.eclipse.lsp4j.ApplyWorkspaceEditParams params);
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lsp-pool");
        t.setDaemon(true);
        return t;
    });
    private final Context context;
    private final ToolsFolder tools;
    private final Listener listener;
    private final Map<String, Folder> folders = new HashMap<>();

    private final MessageCounts counts = new MessageCounts();

    ServerPool(Context context, ToolsFolder tools, Listener listener) {
        this.context = context;
        this.tools = tools;
        this.listener = listener;
    }

    /** One server for one folder, and the documents it has open. Pool thread only. */
    private final class Folder {
        final ServerSpec spec;
        final Path root;
        final Map<String, Doc> docs = new LinkedHashMap<>();
        ServerSession session;
        boolean starting;
        int failures;
        ScheduledFuture<?> idleStop;

        Folder(ServerSpec spec, Path root) {
            this.spec = spec;
            this.root = root;
        }
    }

    private record Doc(String languageId, TextMirror text) {
    }

    void open(ServerSpec spec, Path root, String uri, String languageId, int version, String text) {
        thread.execute(() -> {
            Folder f = folders.computeIfAbsent(key(spec, root), k -> new Folder(spec, root));
            f.docs.put(uri, new Doc(languageId, new TextMirror(text, version)));
            if (f.idleStop != null) {
                f.idleStop.cancel(false);
                f.idleStop = null;
            }
            if (f.session != null) {
                f.session.didOpen(uri, languageId, version, text);
            } else if (!f.starting) {
                start(f);
            }
        });
    }

    /** Applies {@code changes} (in order) to the document and sends them on; unknown documents are ignored. */
    void change(String uri, int version, List<TextDocumentContentChangeEvent> changes, Consumer<String> problem) {
        thread.execute(() -> {
            for (Folder f : folders.values()) {
                Doc d = f.docs.get(uri);
                if (d != null) {
                    try {
                        for (TextDocumentContentChangeEvent c : changes) {
                            if (c.getRange() == null) {
                                d.text.setText(c.getText());
                            } else {
                                var r = c.getRange();
                                d.text.replace(r.getStart().getLine(), r.getStart().getCharacter(), r.getEnd().getLine(),
                                        r.getEnd().getCharacter(), c.getText());
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        problem.accept(uri + ": " + e.getMessage());
                        return;
                    }
                    d.text.setVersion(version);
                    if (f.session != null) {
                        f.session.didChange(uri, version, changes, d.text::text); // the whole text only for a server that wants it
                    }
                }
            }
        });
    }

    void close(String uri) {
        thread.execute(() -> {
            for (Folder f : folders.values()) {
                if (f.docs.remove(uri) != null) {
                    if (f.session != null) {
                        f.session.didClose(uri);
                    }
                    if (f.docs.isEmpty()) {
                        f.idleStop = thread.schedule(() -> stopIfIdle(f), context.idle().toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            }
        });
    }

    private void stopIfIdle(Folder f) {
        if (f.docs.isEmpty()) {
            folders.remove(key(f.spec, f.root));
            if (f.session != null) {
                ServerSession s = f.session;
                f.session = null;
                s.close();
                listener.status(f.spec, f.root, "stopped (idle)");
            }
        }
    }

    private void start(Folder f) {
        var program = tools.find(f.spec);
        if (program.isEmpty()) {
            listener.status(f.spec, f.root, "not installed: '" + f.spec.command() + "' is neither on the PATH nor in the tools folder"
                    + tools.installDir(f.spec).map(d -> " (" + d + ")").orElse("") + "; run: symphony lsp install " + f.spec.name());
            return;
        }
        f.starting = true;
        listener.status(f.spec, f.root, "starting " + program.get());
        Thread starter = new Thread(() -> {
            try {
                ServerSession s = ServerSession.start(f.spec, program.get(), f.root, p -> listener.diagnostics(f.spec, f.root, p),
                        m -> listener.status(f.spec, f.root, m), counts, p -> listener.applyEdit(f.spec, f.root, p));
                thread.execute(() -> started(f, s));
            } catch (Exception e) {
                thread.execute(() -> crashed(f, e.getMessage()));
            }
        }, "lsp-start-" + f.spec.name());
        starter.setDaemon(true);
        starter.start();
    }

    private void started(Folder f, ServerSession s) {
        f.starting = false;
        if (folders.get(key(f.spec, f.root)) != f) { // stopped meanwhile
            s.close();
            return;
        }
        f.session = s;
        f.failures = 0;
        listener.status(f.spec, f.root, "ready (" + s.syncKind() + " sync)");
        f.docs.forEach((uri, d) -> s.didOpen(uri, d.languageId, d.text.version(), d.text.text()));
        s.exited().thenAccept(p -> thread.execute(() -> {
            if (f.session == s && !s.closing()) {
                f.session = null;
                crashed(f, "exited with status " + p.exitValue());
            }
        }));
    }

    private void crashed(Folder f, String why) {
        f.starting = false;
        f.failures++;
        if (f.failures > context.maxRestarts()) {
            listener.status(f.spec, f.root, "gave up after " + context.maxRestarts() + " restarts: " + why);
            return;
        }
        long backoff = Math.min(context.maxBackoff().toMillis(), context.firstBackoff().toMillis() << Math.min(20, f.failures - 1));
        listener.status(f.spec, f.root, why + "; restarting in " + backoff + " ms");
        f.starting = true;
        thread.schedule(() -> {
            f.starting = false;
            if (folders.get(key(f.spec, f.root)) == f && f.session == null && !f.docs.isEmpty()) {
                start(f);
            }
        }, backoff, TimeUnit.MILLISECONDS);
    }

    /** Where a document is served: its folder's session (null while it starts or after it gave up), folder, version. */
    record Served(ServerSession session, ServerSpec spec, Path root, int version) {
    }

    /**
     * Runs {@code action} on the pool's thread with where {@code uri} is served, or null when no folder has it open;
     * in order after every change enqueued before, so a request sent from {@code action} sees the text they made.
     */
    void served(String uri, Consumer<Served> action) {
        thread.execute(() -> {
            for (Folder f : folders.values()) {
                Doc d = f.docs.get(uri);
                if (d != null) {
                    action.accept(new Served(f.session, f.spec, f.root, d.text.version()));
                    return;
                }
            }
            action.accept(null);
        });
    }

    /** Runs {@code action} with the pid of each running server (tests: crash one). */
    void forEachServer(BiConsumer<String, Long> action) {
        thread.execute(() -> folders.values().forEach(f -> {
            if (f.session != null) {
                action.accept(f.spec.name(), f.session.pid());
            }
        }));
    }

    /** The messages sent to every server so far, by method. */
    MessageCounts counts() {
        return counts;
    }

    private static String key(ServerSpec spec, Path root) {
        return spec.name() + "\u0000" + root;
    }

    @Override
    public void close() {
        try {
            thread.submit(() -> {
                folders.values().forEach(f -> {
                    if (f.session != null) {
                        f.session.close();
                    }
                });
                folders.clear();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // shutting down regardless
        } finally {
            thread.shutdownNow();
        }
    }
}
