package dev.symphony.ui.chat;

import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.ui.FxBridge;
import dev.symphony.agent.checkpoint.Checkpoints;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One restore of a chat thread's checkpoint, on the chat's thread: plan it, ask the person about files changed since
 * the agent's steps (Overwrite them / Keep mine), restore, let the tabs read the files again, set the conversation
 * back, and show what happened with an Undo. Open tabs follow the restored files as they follow any change on disk.
 */
final class RestoreFlow {
    private final FxBridge bridge;
    private final Consumer<ChatEntry> show;
    private final Function<ChatEntry.Approval, CompletableFuture<Boolean>> ask;
    private final UnaryOperator<List<Message>> swapConversation;

    /**
     * @param show             adds an entry to the thread (JavaFX thread)
     * @param ask              shows a question and gives its answer (any thread)
     * @param swapConversation sets the thread's conversation (null: leaves it) and gives the one it had (any thread)
     */
    RestoreFlow(FxBridge bridge, Consumer<ChatEntry> show,
                Function<ChatEntry.Approval, CompletableFuture<Boolean>> ask, UnaryOperator<List<Message>> swapConversation) {
        this.bridge = bridge;
        this.show = show;
        this.ask = ask;
        this.swapConversation = swapConversation;
    }

    /** Restores to before checkpoint {@code id} (blocking: the chat's thread); {@code unsaved} as the tabs were when asked. */
    void run(Checkpoints checkpoints, int id, Set<String> unsaved) {
        try {
            Checkpoints.Plan plan = checkpoints.plan(id, unsaved::contains);
            boolean overwrite = !plan.conflicts().isEmpty() && askOverwrite(plan);
            List<Message> current = swapConversation.apply(null); // null: read, not replaced
            Checkpoints.Step done = checkpoints.restore(plan, overwrite, current, unsaved::contains);
            swapConversation.apply(plan.conversation());
            String title = checkpoints.step(id).map(s -> s.restore() ? "Undid the restore (step " + id + ")"
                    : "Restored to before step " + id + ": " + s.title()).orElse("Restored");
            StringBuilder shown = new StringBuilder();
            done.after().forEach((file, state) -> shown.append(state.exists() ? "  restored " : "  deleted ").append(file).append('\n'));
            if (!overwrite) {
                plan.conflicts().forEach((file, why) -> shown.append("  kept yours: ").append(file).append(" (").append(why).append(")\n"));
            }
            if (shown.isEmpty()) {
                shown.append("  no file to change; the conversation went back");
            }
            // open tabs follow the files like any change on disk (a clean tab reloads as an undoable edit)
            bridge.onFx(() -> show.accept(new ChatEntry.Restored(title, shown.toString().stripTrailing(), done.id())));
        } catch (IOException | RuntimeException e) {
            bridge.onFx(() -> show.accept(new ChatEntry.Notice("The restore failed: " + e.getMessage(), true)));
        }
    }

    /** True to overwrite the files changed since the agent's steps (undoable), false to keep them. */
    private boolean askOverwrite(Checkpoints.Plan plan) {
        StringBuilder files = new StringBuilder();
        plan.conflicts().forEach((file, why) -> files.append(file).append(": ").append(why).append('\n'));
        ChatEntry.Approval question = new ChatEntry.Approval("Restore: " + plan.conflicts().size() + " file(s) changed since the agent's steps",
                files.toString().stripTrailing(), new ChatEntry.Words("Restoring them overwrites those changes (Undo on the restore brings them back).",
                "Overwrite them", "Keep mine", "Overwritten", "Kept yours; the other files were restored", false));
        try {
            return ask.apply(question).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            return false;
        }
    }
}
