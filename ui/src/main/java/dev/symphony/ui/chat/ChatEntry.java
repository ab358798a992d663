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

    /** A tool the agent ran (or was refused): a line, and what it showed. */
    record Tool(String title, String shown, boolean ran) implements ChatEntry {
    }

    /** A line from the workbench itself: an error, a stop, a fallback. */
    record Notice(String text, boolean error) implements ChatEntry {
    }

    /** A step the policy asks the person about: {@link #accept()} or {@link #reject()} answers the agent once. */
    final class Approval implements ChatEntry {
        public enum State { PENDING, ACCEPTED, REJECTED }

        private final String title;
        private final String detail;
        private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.PENDING);
        private final CompletableFuture<Boolean> answer = new CompletableFuture<>();

        public Approval(String title, String detail) {
            this.title = title;
            this.detail = detail;
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
