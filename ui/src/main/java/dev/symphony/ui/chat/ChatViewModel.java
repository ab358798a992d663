package dev.symphony.ui.chat;

import dev.symphony.approvals.policy.Verdict;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.ui.FxBridge;
import dev.symphony.agent.AgentLoop;
import dev.symphony.agent.AgentTools;
import dev.symphony.agent.ApprovalGate;
import dev.symphony.agent.ModelBackend;
import dev.symphony.agent.checkpoint.Checkpoints;
import java.util.ArrayList;
import java.util.OptionalInt;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One chat thread: what was said ({@link #entries()}), the input, the context chips, agent mode, and the thread's
 * usage. {@link #send()} runs the request on the chat's own thread ({@link AgentLoop}); tokens, tool outcomes and
 * approval prompts come back to the JavaFX thread through the {@link FxBridge}, tokens coalesced to one update per
 * frame. Never touches a scene node.
 */
public final class ChatViewModel implements ApprovalGate, AutoCloseable {
    private final FxBridge bridge;
    private final ModelBackend backend;
    private final AgentWorkspace workspace;
    private final ObservableList<ChatEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<ContextChip> chips = FXCollections.observableArrayList();
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final StringProperty usage = new SimpleStringProperty(this, "usage", "");
    private final StringProperty rules = new SimpleStringProperty(this, "rules", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty agentMode = new SimpleBooleanProperty(this, "agentMode");
    /** The thread's proposed edits are applied without asking (commands still ask); off in every new or reopened thread. */
    private final BooleanProperty autoApply = new SimpleBooleanProperty(this, "autoApply");
    private volatile boolean autoApplying; // autoApply, read by the agent's thread
    /**
     * The model picked for the next requests (a qualified id); {@link #AUTO}: the role's, as the settings say;
     * {@link #MAESTRO}: Maestro's choice for each request, by role and the money left.
     */
    private final StringProperty model = new SimpleStringProperty(this, "model", AUTO);
    public static final String AUTO = "auto (the role's model)";
    public static final String MAESTRO = "auto (Maestro: by role and budget)";
    private final ObservableList<String> models = FXCollections.observableArrayList(AUTO, MAESTRO);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chat");
        t.setDaemon(true);
        return t;
    });
    private final List<Message> conversation = new ArrayList<>(); // the chat thread's own
    private final List<ChatEntry.Approval> pending = new ArrayList<>();
    private volatile AgentLoop running;
    private final ThreadUsage tally = new ThreadUsage(); // the JavaFX thread's

    private volatile boolean toldNoOverlay;
    private volatile DiffEditReview diffReview;
    private volatile List<Message> requestStart = List.of(); // the thread before the request that runs

    /** @param workspace the open folder: the agent's tools (gated by this view-model), its checkpoints, the tabs */
    public ChatViewModel(FxBridge bridge, ModelBackend backend, AgentWorkspace workspace) {
        this.bridge = bridge;
        this.backend = backend;
        this.workspace = workspace;
        autoApply.addListener((o, was, now) -> autoApplying = now);
    }

    public ObservableList<ChatEntry> entries() {
        return entries;
    }

    public ObservableList<ContextChip> chips() {
        return chips;
    }

    public StringProperty inputProperty() {
        return input;
    }

    /** "N tokens · COST · day budget left X" for the thread so far. */
    public StringProperty usageProperty() {
        return usage;
    }

    /** Which rules files went with the last request ({@link WorkspaceRules#summary()}). */
    public StringProperty rulesProperty() {
        return rules;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty agentModeProperty() {
        return agentMode;
    }

    public BooleanProperty autoApplyProperty() {
        return autoApply;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /** What the model picker offers: {@link #AUTO}, {@link #MAESTRO}, then every model of every model Instrument ({@link #refreshModels}). */
    public ObservableList<String> models() {
        return models;
    }

    /** Asks the kernel for its models off the JavaFX thread; the picker's list follows. */
    public void refreshModels() {
        CompletableFuture.supplyAsync(backend::models, worker).whenComplete((list, e) -> bridge.onFx(() -> {
            if (list != null) {
                String picked = model.get();
                models.setAll(AUTO, MAESTRO);
                list.stream().distinct().forEach(models::add);
                if (!models.contains(picked)) {
                    models.add(picked);
                }
                model.set(picked);
            }
        }));
    }

    public void addChip(ContextChip chip) {
        chips.removeIf(c -> c.label().equals(chip.label()));
        chips.add(chip);
    }

    /** Sends the input (with the chips) and answers it on the chat's thread. On the JavaFX thread. */
    public void send() {
        String text = input.get() == null ? "" : input.get().strip();
        if (text.isEmpty() || busy.get()) {
            return;
        }
        AgentTools agentTools = null;
        if (agentMode.get()) {
            try {
                agentTools = workspace.tools(this, recorder(), threadTitle(text));
            } catch (RuntimeException e) {
                entries.add(new ChatEntry.Notice("Agent mode cannot start: " + e.getMessage(), true));
                return;
            }
            if (agentTools == null) {
                entries.add(new ChatEntry.Notice("Agent mode needs an open folder: open one (File ▸ Open Folder) first.", true));
                return;
            }
        }
        StringBuilder content = new StringBuilder();
        chips.removeIf(c -> !c.usable()); // a chip that failed (or is still fetching) says so on itself and is not sent
        chips.forEach(c -> content.append(c.asMessagePart()).append('\n'));
        content.append(text);
        entries.add(new ChatEntry.User(text, chips.stream().map(ContextChip::label).toList()));
        chips.clear();
        input.set("");
        busy.set(true);
        String picked = model.get();
        AgentLoop loop = new AgentLoop(backend, agentTools, AUTO.equals(picked) ? null
                : MAESTRO.equals(picked) ? dev.symphony.kernel.models.Maestro.AUTO : picked);
        running = loop;
        Message user = Message.user(content.toString());
        java.nio.file.Path folder = workspace.folder();
        worker.execute(() -> answer(loop, user, folder));
    }

    /** The thread's title as the thread list shows it: its first question's, or {@code asking}'s when this is the first. */
    private String threadTitle(String asking) {
        return ThreadEntries.title(entries.stream().filter(e -> e instanceof ChatEntry.User).map(e -> ((ChatEntry.User) e).text())
                .findFirst().orElse(asking));
    }

    private void answer(AgentLoop loop, Message user, java.nio.file.Path folder) {
        List<Message> thread;
        synchronized (conversation) {
            thread = new ArrayList<>(conversation);
        }
        requestStart = List.copyOf(thread);
        WorkspaceRules workspaceRules = WorkspaceRules.read(folder); // read afresh: edits apply to the next request
        bridge.onFx(() -> {
            rules.set(workspaceRules.summary());
            workspaceRules.problems().forEach(p -> entries.add(new ChatEntry.Notice(p, true)));
        });
        Message system = workspaceRules.system();
        if (system != null) {
            thread.add(0, system);
        }
        thread.add(user);
        StreamToFx stream = new StreamToFx();
        try {
            loop.run(thread, stream);
        } catch (CallFailedException e) {
            bridge.onFx(() -> entries.add(new ChatEntry.Notice(e.code() == ErrorCode.CANCELLED ? "Stopped."
                    : "The model did not answer: " + e.getMessage(), e.code() != ErrorCode.CANCELLED)));
        } catch (RuntimeException e) {
            bridge.onFx(() -> entries.add(new ChatEntry.Notice("The chat failed: " + e, true)));
        } finally {
            stream.finish();
            synchronized (conversation) {
                conversation.clear();
                conversation.addAll(system == null ? thread : thread.subList(1, thread.size())); // as far as it got; rules re-read next time
            }
            bridge.onFx(() -> {
                running = null;
                busy.set(false);
            });
        }
    }

    /** Stops the answer (the stream closes, a running command ends) and rejects a pending approval. On the JavaFX thread. */
    public void cancel() {
        AgentLoop loop = running;
        if (loop != null) {
            loop.cancel();
        }
        List.copyOf(pending).forEach(ChatEntry.Approval::reject);
    }

    /** A new, empty thread (only when nothing runs). */
    public void clear() {
        if (busy.get()) {
            return;
        }
        entries.clear();
        synchronized (conversation) {
            conversation.clear();
        }
        tally.reset();
        usage.set("");
        autoApply.set(false);
    }

    /** The conversation so far, as the model was told it (without the rules), to keep the thread. */
    public List<Message> conversation() {
        synchronized (conversation) {
            return List.copyOf(conversation);
        }
    }

    /** Shows a kept thread and continues it, its tokens and money counted on (only when nothing runs); false when busy. On the JavaFX thread. */
    boolean resume(List<Message> said, List<ChatEntry> shown, ThreadUsage.Totals used) {
        if (busy.get()) {
            return false;
        }
        clear();
        entries.addAll(shown);
        synchronized (conversation) {
            conversation.addAll(said);
        }
        usage.set(tally.resume(used));
        return true;
    }

    /** The thread's tokens and money so far, to keep with it. On the JavaFX thread. */
    ThreadUsage.Totals usageTotals() {
        return tally.totals();
    }

    @Override
    public CompletableFuture<Boolean> ask(String title, String detail, Verdict verdict) {
        return prompt(new ChatEntry.Approval(title, detail)).answer();
    }

    @Override
    public CompletableFuture<List<Boolean>> askHunks(String title, List<dev.symphony.agent.EditHunks.Hunk> hunks, Verdict verdict) {
        return prompt(new ChatEntry.Approval(title, hunks)).hunkAnswer();
    }

    /**
     * A proposed edit: the chat's prompt (change by change when there are several), and the edit opened in the diff
     * view when the window has one ({@link #reviewEditsIn}), where each change is accepted or rejected; either answers.
     */
    @Override
    public CompletableFuture<List<Boolean>> askEdit(String title, dev.symphony.agent.ProposedEdit edit, String diff,
            List<dev.symphony.agent.EditHunks.Hunk> hunks, Verdict verdict) {
        if (autoApplying) {
            ChatEntry.Approval applied = prompt(ChatEntry.Approval.autoApplied(title, diff));
            bridge.onFx(() -> {
                if (running != null) { // after prompt's own turn, which answers no when the run has ended
                    applied.accept();
                }
            });
            return applied.answer().thenApply(yes -> java.util.Collections.nCopies(hunks.size(), yes));
        }
        ChatEntry.Approval approval = hunks.size() > 1 ? new ChatEntry.Approval(title, hunks) : new ChatEntry.Approval(title, diff);
        DiffEditReview reviews = diffReview;
        if (reviews != null) {
            approval.reviewWith(reviews.opener(approval, edit, hunks.size()));
        }
        prompt(approval);
        approval.review().ifPresent(bridge::onFx); // after the prompt: a prompt rejected at once opens nothing
        return hunks.size() > 1 ? approval.hunkAnswer()
                : approval.answer().thenApply(yes -> java.util.Collections.nCopies(hunks.size(), yes));
    }

    /** Proposed edits open in {@code review}'s diff view too (null: in the chat only). */
    void reviewEditsIn(DiffEditReview review) {
        this.diffReview = review;
    }

    private ChatEntry.Approval prompt(ChatEntry.Approval approval) {
        approval.answer().whenComplete((yes, e) -> bridge.onFx(() -> pending.remove(approval)));
        bridge.onFx(() -> {
            pending.add(approval);
            entries.add(approval);
            if (running == null) {
                approval.reject();
            }
        });
        return approval;
    }

    /** The loop's events on the JavaFX thread; tokens gathered here and shown at most once per pulse. */
    private final class StreamToFx implements AgentLoop.Listener {
        private final StringBuilder arrived = new StringBuilder();
        private ChatEntry.Assistant current; // read and written on the JavaFX thread only
        private boolean flushQueued;

        @Override
        public void turnStarted() {
            bridge.onFx(() -> {
                current = new ChatEntry.Assistant();
                entries.add(current);
            });
        }

        @Override
        public void token(String text) {
            synchronized (arrived) {
                arrived.append(text);
                if (flushQueued) {
                    return;
                }
                flushQueued = true;
            }
            bridge.later(this::flush);
        }

        private void flush() {
            String text;
            synchronized (arrived) {
                text = arrived.toString();
                arrived.setLength(0);
                flushQueued = false;
            }
            if (current != null && !text.isEmpty()) {
                current.textProperty().set(current.textProperty().get() + text);
            }
        }

        @Override
        public void restarted(String why, String next) {
            bridge.onFx(() -> {
                flush();
                if (current != null) {
                    current.textProperty().set("");
                }
                entries.add(entries.size() - 1, new ChatEntry.Notice("The model failed (" + why + "); " + next + " answers instead.", true));
            });
        }

        @Override
        public void turnDone(ModelBackend.Turn turn) {
            bridge.onFx(() -> {
                flush();
                if (current != null) {
                    String said = turn.answer().message().content();
                    current.textProperty().set(said == null ? "" : said); // the final answer is the authority
                    current.streamingProperty().set(false);
                    var u = turn.answer().usage();
                    current.metaProperty().set(turn.model() + (u == null ? "" : " · " + u.inputTokens() + " in / " + u.outputTokens() + " out")
                            + (turn.cost() == null ? " · cost unknown" : String.format(Locale.ROOT, " · %.4f %s", turn.cost(), turn.currency())));
                }
                usage.set(tally.add(turn));
            });
        }

        @Override
        public void toolDone(dev.symphony.agent.AgentTools.Outcome outcome) {
            bridge.onFx(() -> entries.add(new ChatEntry.Tool(outcome.title(), outcome.shown(), outcome.ran(), outcome.checkpoint())));
        }

        void finish() {
            bridge.onFx(() -> {
                flush();
                if (current != null) {
                    current.streamingProperty().set(false);
                }
            });
        }
    }

    /** The agent's steps recorded in the open folder's checkpoints, with the thread as it was before the request. */
    private dev.symphony.agent.StepRecorder recorder() {
        Checkpoints checkpoints = workspace.checkpoints();
        if (checkpoints == null) {
            return dev.symphony.agent.StepRecorder.NONE;
        }
        return (title, files) -> {
            if (files == null && !toldNoOverlay) {
                toldNoOverlay = true;
                bridge.onFx(() -> entries.add(new ChatEntry.Notice("This step runs in the folder itself, not in a copy-on-write "
                        + "overlay (its line says why for a command). Every file is snapshotted before it, so Restore brings them back; "
                        + "changes to .git and to ignored folders are not undone.", false)));
            }
            Checkpoints.Pending step = checkpoints.begin(title,
                    files == null ? null : files.stream().map(f -> checkpoints.files().relative(f)).toList(), requestStart);
            return () -> step.end().map(s -> OptionalInt.of(s.id())).orElse(OptionalInt.empty());
        };
    }

    /**
     * Restores the open folder's files, the open tabs and the thread to before checkpoint {@code id} (a step, or a
     * restore: then it is undone). Files changed since by someone else are asked about first. On the JavaFX thread.
     */
    public void restore(int id) {
        Checkpoints checkpoints = workspace.checkpoints();
        if (checkpoints == null || busy.get()) {
            entries.add(new ChatEntry.Notice(checkpoints == null ? "No folder is open: there is nothing to restore."
                    : "Stop the agent before restoring a checkpoint.", true));
            return;
        }
        busy.set(true);
        Set<String> unsaved = workspace.unsaved();
        RestoreFlow flow = new RestoreFlow(bridge, entries::add, question -> {
            question.answer().whenComplete((yes, e) -> bridge.onFx(() -> pending.remove(question)));
            bridge.onFx(() -> {
                pending.add(question);
                entries.add(question);
            });
            return question.answer();
        }, replacement -> {
            synchronized (conversation) {
                List<Message> was = List.copyOf(conversation);
                if (replacement != null) {
                    conversation.clear();
                    conversation.addAll(replacement);
                }
                return was;
            }
        });
        worker.execute(() -> {
            try {
                flow.run(checkpoints, id, unsaved);
            } finally {
                bridge.onFx(() -> busy.set(false));
            }
        });
    }

    @Override
    public void close() {
        bridge.onFx(this::cancel);
        worker.shutdownNow();
    }
}
