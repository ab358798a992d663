package dev.symphony.ui.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One item of a chat thread, as the view shows it. Mutable parts are properties changed on the JavaFX thread. */
public sealed interface ChatEntry {
    /** What the person asked, with the names of the context chips sent along. */
    record User(String text, List<String> context) implements ChatEntry {
    }

    /** A model's answer: its Markdown text grows while it streams; {@code meta} says model, tokens and cost when done. */
    final class Assistant implements ChatEntry {
        private final StringProperty text = new SimpleStringProperty(this, "text", "");
        private final StringProperty meta = new SimpleStringProperty(this, "meta", "");
        private final BooleanProperty streaming = new SimpleBooleanProperty(this, "streaming", true);

        public StringProperty textProperty() {
            return text;
        }

        public StringProperty metaProperty() {
            return meta;
        }

        public BooleanProperty streamingProperty() {
            return streaming;
        }
    }

    /**
     * A tool the agent ran (or was refused): a line, and what it showed; {@code checkpoint} (0: none) is the step's
     * checkpoint, which Restore goes back to before.
     */
    record Tool(String title, String shown, boolean ran, int checkpoint) implements ChatEntry {
        public Tool(String title, String shown, boolean ran) {
            this(title, shown, ran, 0);
        }
    }

    /** A restore done: which files went back and which were left; Undo restores to before it ({@code checkpoint}). */
    record Restored(String title, String shown, int checkpoint) implements ChatEntry {
    }

    /** A line from the workbench itself: an error, a stop, a fallback. */
    record Notice(String text, boolean error) implements ChatEntry {
    }

    /** One change of an edit under review, and whether the person keeps it (on by default). */
    record Hunk(dev.symphony.agent.EditHunks.Hunk change, BooleanProperty keep) {
        Hunk(dev.symphony.agent.EditHunks.Hunk change) {
            this(change, new SimpleBooleanProperty(true));
        }
    }

    /**
     * What an approval says: why it asks, its two buttons' labels, and what each answer shows. An edit the thread's
     * auto-apply answers has no buttons ({@link #accept} and {@link #reject} null); {@code policy} is true for the
     * approval policy's questions (the title asks "Approve? …"), false for a question of the workbench's own.
     */
    public record Words(String why, String accept, String reject, String accepted, String rejected, boolean policy) {
        static final Words POLICY = new Words("The approval policy asks before this step.", "Accept", "Reject",
                "Accepted", "Rejected: nothing was changed", true);
        static final Words POLICY_HUNKS = new Words("The approval policy asks before this edit: untick the changes you do not want.",
                "Accept selected", "Reject all", "Accepted", "Rejected: nothing was changed", true);
        static final Words AUTO_APPLIED = new Words("applying without asking (auto-apply is on)", null, null,
                "applied without asking (auto-apply is on)", "not applied: the run had ended", true);

        /** What the answer shows: nothing while it is pending. */
        public String outcome(Approval.State state) {
            return switch (state) {
                case PENDING -> "";
                case ACCEPTED -> accepted;
                case REJECTED -> rejected;
            };
        }
    }

    /** A step the policy asks the person about: {@link #accept()} or {@link #reject()} answers the agent once. */
    final class Approval implements ChatEntry {
        public enum State { PENDING, ACCEPTED, REJECTED }

        private final String title;
        private final String detail;
        private final Words words;
        private final java.util.List<Hunk> hunks;
        private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.PENDING);
        private final CompletableFuture<Boolean> answer = new CompletableFuture<>();
        private Runnable review; // set before the prompt shows

        public Approval(String title, String detail) {
            this(title, detail, Words.POLICY);
        }

        /** A question with its own words (the workbench's own, or an auto-applied edit's line). */
        public Approval(String title, String detail, Words words) {
            this.title = title;
            this.detail = detail;
            this.words = words;
            this.hunks = java.util.List.of();
        }

        /** An edit reviewed change by change: each hunk is applied when its {@link Hunk#keep()} is on at Accept. */
        public Approval(String title, java.util.List<dev.symphony.agent.EditHunks.Hunk> hunks) {
            this.title = title;
            this.detail = String.join("\n", hunks.stream().map(dev.symphony.agent.EditHunks.Hunk::text).toList());
            this.words = Words.POLICY_HUNKS;
            this.hunks = hunks.stream().map(Hunk::new).toList();
        }

        /**
         * An edit the thread applies without asking (its auto-apply is on): shown as a line without buttons, answered
         * Accept while the run still goes on ({@link ChatViewModel}); its step's Restore brings back what was before.
         */
        static Approval autoApplied(String title, String diff) {
            return new Approval(title, diff, Words.AUTO_APPLIED);
        }

        /** True for an edit applied by the thread's auto-apply: nothing to answer. */
        public boolean automatic() {
            return words.accept() == null;
        }

        /** Opens the edit under review in the window's diff view: the prompt's button; none for other questions. */
        public java.util.Optional<Runnable> review() {
            return java.util.Optional.ofNullable(review);
        }

        void reviewWith(Runnable open) {
            this.review = open;
        }

        /** The edit's changes when it is reviewed change by change; empty otherwise. */
        public java.util.List<Hunk> hunks() {
            return hunks;
        }

        /** Per hunk, whether to apply it: what Accept answers (all false after Reject). */
        public CompletableFuture<java.util.List<Boolean>> hunkAnswer() {
            return answer.thenApply(yes -> hunks.stream().map(h -> yes && h.keep().get()).toList());
        }

        /** Why it asks, the buttons' labels, and what each answer shows. */
        public Words words() {
            return words;
        }

        public String title() {
            return title;
        }

        public String detail() {
            return detail;
        }

        public ObjectProperty<State> stateProperty() {
            return state;
        }

        CompletableFuture<Boolean> answer() {
            return answer;
        }

        public void accept() {
            answer(true);
        }

        public void reject() {
            answer(false);
        }

        private void answer(boolean yes) {
            if (answer.complete(yes)) {
                state.set(yes ? State.ACCEPTED : State.REJECTED);
            }
        }
    }
}
