package dev.symphony.ui.chat;

import dev.symphony.agent.ProposedEdit;
import dev.symphony.ui.diff.ChangeReview;
import dev.symphony.ui.diff.DiffEditors;
import dev.symphony.ui.diff.DiffSide;

/**
 * An agent's proposed edit reviewed in the window's diff view: the text at the edit's base revision (left) against
 * the proposal (right), with Accept Change / Reject Change per change. The answers are the chat prompt's: each one
 * ticks or unticks the prompt's change, and the last one answers the prompt (Accept with the accepted changes, or
 * Reject when none is), so the agent applies the accepted changes as it does from the chat. Answering in the chat
 * (or Stop) ends the review and closes its tab. On the JavaFX thread.
 */
final class DiffEditReview {
    private final DiffEditors diffs;

    DiffEditReview(DiffEditors diffs) {
        this.diffs = diffs;
    }

    /** What the prompt's "Review in Diff View" does; one review per prompt, so reopening it shows the answers so far. */
    Runnable opener(ChatEntry.Approval approval, ProposedEdit edit, int changes) {
        ChangeReview[] review = new ChangeReview[1];
        return () -> {
            if (approval.stateProperty().get() != ChatEntry.Approval.State.PENDING) {
                return;
            }
            if (review[0] == null) {
                review[0] = linked(approval, changes);
            }
            String name = String.valueOf(edit.file().getFileName());
            diffs.review(DiffSide.ofText(name + (edit.baseRevision() == ProposedEdit.ON_DISK ? " (on disk)" : " (revision " + edit.baseRevision() + ")"),
                    edit.file(), edit.before()), DiffSide.ofText(name + " (proposed)", edit.file(), edit.after()), review[0]);
        };
    }

    private static ChangeReview linked(ChatEntry.Approval approval, int changes) {
        ChangeReview review = new ChangeReview(changes, keep -> {
            if (keep.contains(true)) {
                approval.accept();
            } else {
                approval.reject();
            }
        });
        for (int i = 0; i < approval.hunks().size() && i < changes; i++) {
            ChatEntry.Hunk hunk = approval.hunks().get(i);
            review.answerProperty(i).addListener((o, was, now) -> hunk.keep().set(now != ChangeReview.Answer.REJECTED));
        }
        approval.stateProperty().addListener((o, was, now) -> review.end());
        return review;
    }
}
