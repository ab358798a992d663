package dev.symphony.ui.chat;

import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.PolicyException;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.ui.Workbench;
import dev.symphony.agent.AgentTools;
import dev.symphony.agent.CommandRunner;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.agent.ApprovalGate;
import dev.symphony.agent.StepRecorder;
import dev.symphony.agent.checkpoint.CheckpointSession;
import dev.symphony.agent.checkpoint.Checkpoints;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Attaches the chat panel to a window: its commands (Chat: Open, Chat: Open in Agent Mode, Chat: Stop), the side-bar
 * view (built on first use), the models (the kernel's router), the agent's tools over the open folder with the
 * approval policy loaded afresh for each request, and the active editor as context and as the target of Insert.
 */
public final class ChatWorkbench implements AutoCloseable {
    public static final String OPEN = "workbench.action.chat.open";
    public static final String OPEN_AGENT = "workbench.action.chat.openAgent";
    public static final String STOP = "workbench.action.chat.stop";
    static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);
    static final double SIDE_BAR_SHARE = 0.32;
    private final Workbench workbench;
    private final ChatViewModel model;
    private ChatView view;
    private CheckpointSession checkpoints;
    private final WindowMcp mcp = new WindowMcp();
    private final ChatHistory history;
    private final CodeBlockStyler styler;

    /** Where the agent's commands run: a copy-on-write view of the workspace, their changes applied once accepted. */
    private final dev.symphony.agent.OverlayShell overlay;
    /** Where the agent's commands show while they run: a terminal tab per thread. */
    private final AgentTerminal terminal;

    private ChatWorkbench(Workbench workbench, CompletableFuture<Kernel> kernel) {
        this.workbench = workbench;
        var services = workbench.services();
        this.terminal = new AgentTerminal(services.bridge(), workbench.terminals());
        this.overlay = new dev.symphony.agent.OverlayShell(services.paths().data("agent-overlay"));
        this.model = new ChatViewModel(services.bridge(), new KernelModelBackend(kernel, services.paths()), new AgentWorkspace() {
            @Override
            public AgentTools tools(ApprovalGate gate, StepRecorder steps, String thread) {
                Path folder = folder();
                if (folder == null) {
                    return null;
                }
                try {
                    ApprovalPolicy policy = ApprovalPolicy.load(services.paths().configDir(), folder);
                    return new AgentTools(folder, policy, gate, new BufferEdits(workbench.tabs(), services.bridge()),
                            new CommandRunner(COMMAND_LIMIT).withOverlay(overlay).watchedBy(shownIn(thread)), steps, mcp.tools(services.paths().configDir(), folder, policy))
                            .withDiagnostics(new dev.symphony.ui.problems.AgentProblems(workbench.window().problems(), services.bridge()));
                } catch (PolicyException e) {
                    throw new IllegalStateException("the approval policy is invalid: " + e.getMessage(), e);
                }
            }

            /** The thread's tab, by the id the history gives it; closing the tab while a command runs is the chat's Stop. */
            private dev.symphony.agent.CommandWatch shownIn(String thread) {
                return terminal.forThread(() -> ChatWorkbench.this.history.currentId(), thread, () -> ChatWorkbench.this.model.cancel());
            }

            @Override
            public Checkpoints checkpoints() {
                Path folder = folder();
                return folder == null ? null : checkpointSession().of(folder);
            }

            @Override
            public Path folder() {
                return ChatWorkbench.this.folder();
            }

            @Override
            public Set<String> unsaved() {
                Path folder = folder();
                return workbench.tabs().documents().stream().filter(d -> d.dirtyProperty().get() && d.path() != null
                        && folder != null && d.path().startsWith(folder)).map(d -> relative(folder, d.path())).collect(Collectors.toSet());
            }
        });
        model.reviewEditsIn(new DiffEditReview(workbench.diffs()));
        var window = workbench.window();
        this.history = new ChatHistory(model, services.bridge(), services.paths().data("chat-threads"), window.workspaceProperty(),
                System::currentTimeMillis);
        this.styler = new CodeBlockStyler(services.bridge());
        styler.darkProperty().bind(window.themeProperty().isEqualTo(dev.symphony.ui.shell.Themes.DARK));
        window.command(OPEN, "Chat: Open Chat", "Chat", "Shortcut+Alt+I", () -> show(false));
        window.command(OPEN_AGENT, "Chat: Open in Agent Mode", "Chat", null, () -> show(true));
        window.command(STOP, "Chat: Stop", "Chat", null, model::cancel);
    }

    private Path folder() {
        Path folder = workbench.window().workspaceProperty().get();
        return folder == null ? null : folder.toAbsolutePath().normalize();
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The window's checkpoints, their copies under the data folder's {@code checkpoints}, made on first use. */
    private synchronized CheckpointSession checkpointSession() {
        if (checkpoints == null) {
            try {
                checkpoints = CheckpointSession.open(workbench.services().paths().data("checkpoints"),
                        dev.symphony.agent.checkpoint.CheckpointKeys.load(workbench.services().paths()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("checkpoints cannot be kept in "
                        + workbench.services().paths().data("checkpoints") + ": " + e.getMessage(), e);
            }
        }
        return checkpoints;
    }

    /** The chat of {@code workbench}, its models from {@code kernel} (the workbench's extension kernel). */
    public static ChatWorkbench attach(Workbench workbench, CompletableFuture<Kernel> kernel) {
        return new ChatWorkbench(workbench, kernel);
    }

    public ChatViewModel model() {
        return model;
    }

    private void show(boolean agent) {
        if (agent) {
            model.agentModeProperty().set(true);
        }
        workbench.mainView().showInSideBar(view());
        widenSideBar(view());
        view().lookup("#" + ChatView.INPUT_ID).requestFocus();
    }

    /** A chat needs more room than a file tree: the side bar holding it opens to at least {@link #SIDE_BAR_SHARE} of the window. */
    private static void widenSideBar(javafx.scene.Node view) {
        for (javafx.scene.Parent p = view.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.SplitPane split) {
                boolean first = !split.getItems().isEmpty() && holds(split.getItems().get(0), view);
                if (first && split.getDividerPositions().length > 0 && split.getDividerPositions()[0] < SIDE_BAR_SHARE) {
                    split.setDividerPosition(0, SIDE_BAR_SHARE);
                }
                return;
            }
        }
    }

    private static boolean holds(javafx.scene.Node ancestor, javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The panel, built on first use (on the JavaFX thread). */
    public ChatView view() {
        if (view == null) {
            view = new ChatView(model, new WorkbenchContext(workbench), text -> {
                EditorPane pane = workbench.tabsView().activeEditor();
                if (pane == null) {
                    workbench.window().statusMessageProperty().set("Insert: no editor is open");
                } else {
                    pane.view().controller().paste(text);
                    pane.view().requestFocus();
                }
            }, history, styler);
        }
        return view;
    }

    /** The open folder's kept threads. */
    public ChatHistory history() {
        return history;
    }

    @Override
    public void close() {
        for (String id : new String[] {OPEN, OPEN_AGENT, STOP}) {
            workbench.services().commands().unregister(id); // a chat attached again registers its own
        }
        history.close();
        styler.close();
        model.close();
        mcp.close();
        synchronized (this) {
            if (checkpoints != null) {
                try {
                    checkpoints.close();
                } catch (java.io.IOException e) {
                    // left for the next window to delete (its process is gone then)
                }
            }
        }
    }
}
