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

    /** A step the policy asks the person about: {@link #accept()} or {@link #reject()} answers the agent once. */
    final class Approval implements ChatEntry {
        public enum State { PENDING, ACCEPTED, REJECTED }

        private final String title;
        private final String detail;
        private final String[] labels;
        private final java.util.List<Hunk> hunks;
        private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.PENDING);
        private final CompletableFuture<Boolean> answer = new CompletableFuture<>();
        private Runnable review; // set before the prompt shows
        private boolean automatic;

        public Approval(String title, String detail) {
            this(title, detail, "The approval policy asks before this step.", "Accept", "Reject", "Accepted", "Rejected: nothing was changed");
        }

        /** A question of the workbench's own, with its own words: why it asks, the two buttons, the two answers. */
        public Approval(String title, String detail, String why, String accept, String reject, String accepted, String rejected) {
            this.title = title;
            this.detail = detail;
            this.labels = new String[] {why, accept, reject, accepted, rejected};
            this.hunks = java.util.List.of();
        }

        /** An edit reviewed change by change: each hunk is applied when its {@link Hunk#keep()} is on at Accept. */
        public Approval(String title, java.util.List<dev.symphony.agent.EditHunks.Hunk> hunks) {
            this.title = title;
            this.detail = String.join("\n", hunks.stream().map(dev.symphony.agent.EditHunks.Hunk::text).toList());
            this.labels = new String[] {"The approval policy asks before this edit: untick the changes you do not want.",
                    "Accept selected", "Reject all", "Accepted", "Rejected: nothing was changed"};
            this.hunks = hunks.stream().map(Hunk::new).toList();
        }

        /**
         * An edit the thread applies without asking (its auto-apply is on): shown as a line without buttons, answered
         * Accept while the run still goes on ({@link ChatViewModel}); its step's Restore brings back what was before.
         */
        static Approval autoApplied(String title, String diff) {
            Approval applied = new Approval(title, diff, "applying without asking (auto-apply is on)", "Accept", "Reject",
                    "applied without asking (auto-apply is on)", "not applied: the run had ended");
            applied.automatic = true;
            return applied;
        }

        /** True for an edit applied by the thread's auto-apply: nothing to answer. */
        public boolean automatic() {
            return automatic;
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

        /** Why it asks, the Accept and Reject buttons' labels, and what each answer shows: five strings. */
        public java.util.List<String> labels() {
            return java.util.List.of(labels);
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
