package dev.symphony.ui.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A diff reviewed change by change (an agent's proposed edit): the person accepts or rejects each change of a diff
 * whose two sides do not change while it is reviewed, so change {@code i} of the diff view is change {@code i} of
 * whoever asked. Once every change has an answer, {@code done} gets them (one per change, true: accepted) and the
 * review is over; {@link #end} ends it without them (the question was answered elsewhere). On the JavaFX thread.
 */
public final class ChangeReview {
    /** A change's answer so far. */
    public enum Answer { OPEN, ACCEPTED, REJECTED }

    private final List<ReadOnlyObjectWrapper<Answer>> answers = new ArrayList<>();
    private final SimpleBooleanProperty over = new SimpleBooleanProperty(this, "over");
    private final Consumer<List<Boolean>> done;

    public ChangeReview(int changes, Consumer<List<Boolean>> done) {
        if (changes < 1) {
            throw new IllegalArgumentException("a review needs at least one change, not " + changes);
        }
        for (int i = 0; i < changes; i++) {
            answers.add(new ReadOnlyObjectWrapper<>(this, "answer" + i, Answer.OPEN));
        }
        this.done = done;
    }

    public int size() {
        return answers.size();
    }

    public ReadOnlyObjectProperty<Answer> answerProperty(int change) {
        return answers.get(change).getReadOnlyProperty();
    }

    /** True once every change was answered, or the review was {@link #end ended}: the answers no longer change. */
    public ReadOnlyBooleanProperty overProperty() {
        return over;
    }

    /** Accepts or rejects change {@code change} (again, if the person changes their mind before the last answer). */
    public void answer(int change, boolean accept) {
        if (over.get() || change < 0 || change >= answers.size()) {
            return;
        }
        answers.get(change).set(accept ? Answer.ACCEPTED : Answer.REJECTED);
        if (firstOpen(change) < 0) {
            over.set(true);
            done.accept(answers.stream().map(a -> a.get() == Answer.ACCEPTED).toList());
        }
    }

    /** The first change without an answer at or after {@code from} (wrapping round), or -1 when each has one. */
    public int firstOpen(int from) {
        int n = answers.size();
        for (int k = 0; k < n; k++) {
            int i = Math.floorMod(from + k, n);
            if (answers.get(i).get() == Answer.OPEN) {
                return i;
            }
        }
        return -1;
    }

    /** The question was answered elsewhere (the chat's own buttons, Stop): the review takes no more answers. */
    public void end() {
        over.set(true);
    }

    /** "1 accepted · 1 rejected · 1 to review", for the diff view's tool bar. */
    public String summary() {
        long accepted = answers.stream().filter(a -> a.get() == Answer.ACCEPTED).count();
        long rejected = answers.stream().filter(a -> a.get() == Answer.REJECTED).count();
        long open = answers.size() - accepted - rejected;
        return accepted + " accepted · " + rejected + " rejected" + (open == 0 ? "" : " · " + open + " to review");
    }
}
