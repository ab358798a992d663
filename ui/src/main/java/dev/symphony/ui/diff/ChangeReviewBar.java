package dev.symphony.ui.diff;

import dev.symphony.editor.diff.TextDiff;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;

/**
 * A diff view's buttons for a {@link ChangeReview}: Accept Change and Reject Change answer the current change and go
 * on to the next one without an answer; a label counts the answers. The view shows the first change as soon as the
 * diff is computed. The buttons go dim when the review is over.
 */
public final class ChangeReviewBar {
    public static final String ACCEPT_ID = "diff-review-accept";
    public static final String REJECT_ID = "diff-review-reject";
    public static final String STATE_ID = "diff-review-state";

    private ChangeReviewBar() {
    }

    static void attach(DiffView view, ChangeReview review) {
        Label state = new Label(review.summary());
        state.setId(STATE_ID);
        Button accept = DiffView.button("Accept Change", ACCEPT_ID, "Keep this change of the proposed edit", () -> answer(view, review, true));
        Button reject = DiffView.button("Reject Change", REJECT_ID, "Leave this change out of the proposed edit", () -> answer(view, review, false));
        accept.getStyleClass().add("success");
        reject.getStyleClass().add("danger");
        accept.disableProperty().bind(review.overProperty());
        reject.disableProperty().bind(review.overProperty());
        MenuItem acceptItem = DiffView.menuItem("Accept Change", () -> answer(view, review, true));
        MenuItem rejectItem = DiffView.menuItem("Reject Change", () -> answer(view, review, false));
        acceptItem.disableProperty().bind(review.overProperty());
        rejectItem.disableProperty().bind(review.overProperty());
        for (int i = 0; i < review.size(); i++) {
            review.answerProperty(i).addListener((o, a, b) -> state.setText(review.summary()));
        }
        // in a narrow editor area the answers stay longest; the count of answers goes into the "⋯" menu first
        view.addTool(state, 40, DiffView.label(state));
        view.addTool(accept, 100, acceptItem);
        view.addTool(reject, 100, rejectItem);
        TextDiff shown = view.model().diffProperty().get();
        if (shown != null) {
            view.goTo(Math.max(0, review.firstOpen(0)));
        } else {
            view.model().diffProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends TextDiff> o, TextDiff was, TextDiff now) {
                    if (now != null) {
                        o.removeListener(this);
                        view.goTo(Math.max(0, review.firstOpen(0)));
                    }
                }
            });
        }
    }

    private static void answer(DiffView view, ChangeReview review, boolean accept) {
        int at = view.model().currentProperty().get();
        if (at < 0) {
            at = review.firstOpen(0);
        }
        review.answer(at, accept);
        int next = review.firstOpen(at + 1);
        if (next >= 0) {
            view.goTo(next);
        }
    }
}
