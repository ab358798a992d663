package dev.symphony.ui.chat;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The chat panel: the thread (Markdown answers, tool lines, approval prompts), the context chips, the input with
 * Send / Stop, agent mode and the thread's usage. Builds nodes and binds to a {@link ChatViewModel}.
 */
public final class ChatView extends VBox {
    public static final String ID = "chat-view";
    public static final String INPUT_ID = "chat-input";
    public static final String SEND_ID = "chat-send";
    public static final String STOP_ID = "chat-stop";
    public static final String AGENT_ID = "chat-agent";
    public static final String AUTO_APPLY_ID = "chat-auto-apply";
    public static final String USAGE_ID = "chat-usage";
    public static final String MODEL_ID = "chat-model";
    public static final String MESSAGES_ID = "chat-messages";
    public static final String ACCEPT_ID = "chat-accept";
    public static final String REJECT_ID = "chat-reject";
    public static final String ADD_FILE_ID = "chat-add-file";
    public static final String ADD_SELECTION_ID = "chat-add-selection";
    /** The style class of Restore (on a step) and Undo (on a restore) buttons. */
    public static final String RESTORE_CLASS = "chat-restore";
    /** The style class of an edit review's per-change check boxes. */
    public static final String HUNK_CLASS = "chat-hunk";

    /** Where the context chips' texts come from (the active editor), read when a chip is added. */
    public interface ContextSource {
        Optional<ContextChip> currentFile();

        Optional<ContextChip> selection();

        /** Every open tab's text as one chip, given to {@code add} on the JavaFX thread. */
        default void openTabs(Consumer<ContextChip> add) {
        }

        /** A folder's listing (ignore files and agentignore respected), given to {@code add} when listed. */
        default void folder(Consumer<ContextChip> add) {
        }

        /** The active terminal's recent output. */
        default void terminal(Consumer<ContextChip> add) {
        }

        /** The Problems panel's entries. */
        default void problems(Consumer<ContextChip> add) {
        }

        /** The text of the page at {@code address}, fetched now: a "fetching" chip first, then the page or the error. */
        default void url(String address, Consumer<ContextChip> add) {
        }
    }

    /** The ids of the kept-threads toggle and of the line naming the rules the last request went with. */
    public static final String THREADS_TOGGLE_ID = "chat-threads-toggle";
    public static final String RULES_ID = "chat-rules";
    /** A chip that failed (its label says why). */
    public static final String CHIP_ERROR_CLASS = "chat-chip-error";
    private static final int CHIP_CHARS = 40;

    private final ChatViewModel model;
    private final VBox messages = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(messages);
    private final TextArea input = new TextArea();
    private final MarkdownNodes.CodeActions codeActions;
    private final CodeBlockStyler styler;
    private final java.util.List<Runnable> renders = new java.util.ArrayList<>(); // the answers shown, to colour again

    /**
     * @param history the folder's kept threads (New keeps the old one)
     * @param styler colours code blocks with the editor's grammars once an answer is complete
     */
    public ChatView(ChatViewModel model, ContextSource context, Consumer<String> insertAtCaret, ChatHistory history, CodeBlockStyler styler) {
        this.model = model;
        setId(ID);
        getStyleClass().add("chat-view");
        getStylesheets().add(java.util.Objects.requireNonNull(ChatView.class.getResource("chat.css")).toExternalForm());
        this.codeActions = new MarkdownNodes.CodeActions(text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }, insertAtCaret);

        Label title = new Label("Chat");
        title.getStyleClass().add("chat-title");
        ToggleButton agent = new ToggleButton("Agent");
        agent.setId(AGENT_ID);
        agent.selectedProperty().bindBidirectional(model.agentModeProperty());
        Button newThread = new Button("New");
        newThread.disableProperty().bind(model.busyProperty());
        newThread.setOnAction(e -> history.newThread());
        this.styler = styler;
        styler.darkProperty().addListener((o, was, now) -> List.copyOf(renders).forEach(Runnable::run));
        ToggleButton threads = new ToggleButton("Threads");
        threads.setId(THREADS_TOGGLE_ID);
        threads.setTooltip(new javafx.scene.control.Tooltip("This folder's kept threads: search them, open one to continue it"));
        threads.setMinWidth(Region.USE_PREF_SIZE);
        ThreadListView threadList = new ThreadListView(history);
        threadList.visibleProperty().bind(threads.selectedProperty());
        threadList.managedProperty().bind(threadList.visibleProperty());
        threads.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                history.refresh();
                threadList.lookup("#" + ThreadListView.SEARCH_ID).requestFocus();
            }
        });
        Label rules = ThreadListView.note(RULES_ID, "chat-meta", model.rulesProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.ComboBox<String> picker = new javafx.scene.control.ComboBox<>(model.models());
        picker.setId(MODEL_ID);
        picker.getStyleClass().add("small");
        picker.setTooltip(new javafx.scene.control.Tooltip("The model of the next requests: auto is the role's (models.chat, or models.agent in agent mode)"));
        picker.valueProperty().bindBidirectional(model.modelProperty());
        picker.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(picker, Priority.ALWAYS);
        picker.setOnShowing(e -> model.refreshModels());
        picker.disableProperty().bind(model.busyProperty());
        Label modelLabel = new Label("Model");
        modelLabel.getStyleClass().add("chat-meta");
        modelLabel.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton autoApply = new ToggleButton("Auto-apply");
        autoApply.setId(AUTO_APPLY_ID);
        autoApply.getStyleClass().add("small");
        autoApply.setTooltip(new javafx.scene.control.Tooltip("Apply this thread's proposed edits without asking (commands still"
                + " ask as the approval policy says; Restore on a step brings back what was before). Off in every new thread."));
        autoApply.setMinWidth(Region.USE_PREF_SIZE);
        autoApply.selectedProperty().bindBidirectional(model.autoApplyProperty());
        autoApply.visibleProperty().bind(model.agentModeProperty());
        autoApply.managedProperty().bind(autoApply.visibleProperty());
        HBox modelRow = new HBox(6, modelLabel, picker, autoApply);
        modelRow.setAlignment(Pos.CENTER_LEFT);
        title.setMinWidth(Region.USE_PREF_SIZE);
        agent.setMinWidth(Region.USE_PREF_SIZE);
        newThread.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(6, title, spacer, agent, threads, newThread);
        header.setAlignment(Pos.CENTER_LEFT);

        messages.setId(MESSAGES_ID);
        messages.setPadding(new Insets(6));
        messages.getStyleClass().add("chat-messages");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("chat-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        messages.heightProperty().addListener((o, a, b) -> scroll.setVvalue(1.0)); // follow the answer as it grows
        model.entries().addListener((ListChangeListener<ChatEntry>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && c.getFrom() == 0 && model.entries().isEmpty()) {
                    messages.getChildren().clear();
                    renders.clear();
                }
                if (c.wasAdded()) {
                    int at = c.getFrom();
                    for (ChatEntry e : c.getAddedSubList()) {
                        messages.getChildren().add(Math.min(at++, messages.getChildren().size()), node(e));
                    }
                    scroll.layout(); // a new entry (an approval prompt above all) is scrolled into view at once
                    scroll.setVvalue(scroll.getVmax());
                }
            }
        });

        FlowPane chips = new FlowPane(4, 4);
        chips.getStyleClass().add("chat-chips");
        model.chips().addListener((ListChangeListener<ContextChip>) c -> {
            chips.getChildren().clear();
            for (ContextChip chip : model.chips()) {
                String said = chip.label() + (chip.usable() ? "" : " — " + chip.error());
                // cut, whole in the tooltip: a flow pane is as wide as its widest chip, and the side bar is narrow
                Button remove = new Button((said.length() > CHIP_CHARS ? said.substring(0, CHIP_CHARS - 1) + "…" : said) + "  ×");
                remove.setTooltip(new javafx.scene.control.Tooltip(said));
                remove.getStyleClass().addAll("small", "chat-chip");
                if (!chip.usable()) {
                    remove.getStyleClass().add(CHIP_ERROR_CLASS);
                }
                remove.setOnAction(e -> model.chips().remove(chip));
                chips.getChildren().add(remove);
            }
        });
        Button addFile = new Button("+ File");
        addFile.setId(ADD_FILE_ID);
        addFile.getStyleClass().addAll("small", "flat");
        addFile.setOnAction(e -> context.currentFile().ifPresentOrElse(model::addChip,
                () -> model.entries().add(new ChatEntry.Notice("No file is open in the editor.", true))));
        Button addSelection = new Button("+ Selection");
        addSelection.setId(ADD_SELECTION_ID);
        addSelection.getStyleClass().addAll("small", "flat");
        addSelection.setOnAction(e -> context.selection().ifPresentOrElse(model::addChip,
                () -> model.entries().add(new ChatEntry.Notice("Nothing is selected in the editor.", true))));
        addFile.setMinWidth(Region.USE_PREF_SIZE);
        addSelection.setMinWidth(Region.USE_PREF_SIZE);
        HBox contextButtons = new HBox(4, addFile, addSelection);
        VBox contextRow = new VBox(4, contextButtons, new ContextBar(context, model::addChip), chips);

        input.setId(INPUT_ID);
        input.setPromptText("Ask, or switch on Agent to let it work (Enter sends, Shift+Enter is a new line)");
        input.setWrapText(true);
        input.setPrefRowCount(3);
        input.textProperty().bindBidirectional(model.inputProperty());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                e.consume();
                model.send();
            }
        });
        Button send = new Button("Send");
        send.setId(SEND_ID);
        send.getStyleClass().add("accent");
        send.setOnAction(e -> model.send());
        send.visibleProperty().bind(model.busyProperty().not());
        send.managedProperty().bind(send.visibleProperty());
        Button stop = new Button("Stop");
        stop.setId(STOP_ID);
        stop.getStyleClass().add("danger");
        stop.setOnAction(e -> model.cancel());
        stop.visibleProperty().bind(model.busyProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        Label usage = new Label();
        usage.setId(USAGE_ID);
        usage.getStyleClass().add("chat-usage");
        usage.textProperty().bind(model.usageProperty());
        usage.setWrapText(true);
        send.setMinWidth(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(6, usage, grow, send, stop);
        actions.setAlignment(Pos.CENTER_LEFT);

        setSpacing(6);
        setPadding(new Insets(6));
        getChildren().addAll(header, modelRow, threadList, rules, scroll, contextRow, input, actions);
    }

    private Node node(ChatEntry entry) {
        if (entry instanceof ChatEntry.User u) {
            return user(u);
        } else if (entry instanceof ChatEntry.Assistant a) {
            return assistant(a);
        } else if (entry instanceof ChatEntry.Tool t) {
            return ChatEntryNodes.tool(t, model::restore);
        } else if (entry instanceof ChatEntry.Restored r) {
            return ChatEntryNodes.restored(r, model::restore);
        } else if (entry instanceof ChatEntry.Approval p) {
            return ChatEntryNodes.approval(p);
        }
        return ChatEntryNodes.notice((ChatEntry.Notice) entry);
    }

    private Node user(ChatEntry.User u) {
        Label text = new Label(u.text());
        text.setWrapText(true);
        VBox box = new VBox(2, text);
        if (!u.context().isEmpty()) {
            Label ctx = new Label("with " + String.join(", ", u.context()));
            ctx.getStyleClass().add("chat-meta");
            box.getChildren().add(ctx);
        }
        box.getStyleClass().add("chat-user");
        return box;
    }

    private Node assistant(ChatEntry.Assistant a) {
        VBox box = new VBox(4);
        box.getStyleClass().add("chat-assistant");
        Label meta = new Label();
        meta.getStyleClass().add("chat-meta");
        meta.textProperty().bind(a.metaProperty());
        meta.setWrapText(true);
        // code blocks are coloured once the answer is complete: a block still streaming changes every frame
        Runnable render = () -> box.getChildren().setAll(MarkdownNodes.render(a.textProperty().get(),
                a.streamingProperty().get() ? codeActions : codeActions.styledBy(styler)), meta);
        render.run();
        renders.add(render);
        a.textProperty().addListener((o, was, now) -> render.run());
        a.streamingProperty().addListener((o, was, now) -> render.run());
        return box;
    }
}
