package dev.symphony.ui.inline;

import dev.symphony.editor.text.Rope;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The inline-suggestion state machine of one editor, without JavaFX: confined to one thread (the FX thread in the
 * product), told of edits and caret moves, asking a {@link Source} after a pause in typing.
 *
 * <ul>
 *   <li>An edit hides the suggestion, cancels the request in flight and the pending pause, and starts a new pause;
 *       when it ends, one request is sent for the state then. At most one request is in flight.</li>
 *   <li>Typing the suggestion's own next characters keeps the rest shown and asks nothing.</li>
 *   <li>An answer is shown only when it is the answer to the latest request and the text and caret are still the ones
 *       it was asked for ({@link #changed} and {@link #moved} bump the state), so a stale suggestion is never shown.</li>
 *   <li>A caret move or {@link #dismiss()} hides and cancels; {@link #setEnabled(boolean) disabled} asks nothing.</li>
 * </ul>
 */
public final class InlineSuggestions {
    /** What a request is about: the text (immutable), the caret in it, and the state's serial number. */
    public record Context(long state, Rope text, int caret) {
    }

    /** A suggestion shown: {@code text} to insert at {@code caret} of state {@code state}. */
    public record Shown(long state, int caret, String text) {
    }

    /** A request in flight; {@link #cancel()} from the owning thread, any number of times. */
    public interface Pending {
        void cancel();
    }

    /** Asks a model; {@code answer} (any thread) gets the text to insert ("" for none), {@code failed} the error. */
    public interface Source {
        Pending request(Context context, Consumer<String> answer, Consumer<Throwable> failed);
    }

    /** Runs a task after a delay on the owning thread; the handle cancels it. */
    public interface Timer {
        Pending after(long delayMs, Runnable task);
    }

    private final Source source;
    private final Timer timer;
    private final Executor owner;
    private final Consumer<Shown> view;
    private long delayMs;
    private boolean enabled = true;
    private long state;
    private Context current;
    private Pending pause;
    private Pending inFlight;
    private long inFlightState = -1;
    private Shown shown;
    private Throwable lastFailure;
    private long requests;

    /**
     * @param owner runs answers on the owning thread (the FX bridge)
     * @param view  told of the suggestion to show, or null to hide it (owning thread)
     */
    public InlineSuggestions(Source source, Timer timer, Executor owner, long delayMs, Consumer<Shown> view) {
        this.source = source;
        this.timer = timer;
        this.owner = owner;
        this.delayMs = delayMs;
        this.view = view;
    }

    public void setDelayMs(long delayMs) {
        this.delayMs = Math.max(0, delayMs);
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            dismiss();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The text changed; {@code typed} is what was inserted at the previous caret when the edit was exactly that
     * (a keystroke, a paste), else null. {@code offerable}: whether a suggestion may be asked for here (one caret, no
     * selection, the rest of the line blank, the editor writable).
     */
    public void changed(Rope text, int caret, String typed, boolean offerable) {
        Shown before = shown;
        current = new Context(++state, text, caret);
        if (before != null && typed != null && !typed.isEmpty() && before.text().length() > typed.length()
                && before.text().startsWith(typed) && caret == before.caret() + typed.length()) {
            cancelPauseAndRequest();
            show(new Shown(state, caret, before.text().substring(typed.length())));
            return;
        }
        hide();
        cancelPauseAndRequest();
        if (enabled && offerable) {
            Context asked = current;
            pause = timer.after(delayMs, () -> ask(asked));
        }
    }

    /** The caret moved without an edit: hide and cancel (nothing is asked until the next edit). */
    public void moved(Rope text, int caret) {
        if (current != null && current.text() == text && current.caret() == caret) {
            return;
        }
        current = new Context(++state, text, caret);
        dismiss();
    }

    /** Esc, focus lost, disabled: hide the suggestion, cancel the pause and the request. */
    public void dismiss() {
        hide();
        cancelPauseAndRequest();
    }

    /** The whole suggestion to insert (Tab), hidden from now on; null when none is shown. */
    public String acceptAll() {
        Shown s = shown;
        if (s == null) {
            return null;
        }
        hide();
        return s.text();
    }

    /**
     * The suggestion's next word to insert (Ctrl+Right): leading whitespace and then a run of word characters, or one
     * other character; the rest stays shown once the insertion comes back through {@link #changed}. Null when none.
     */
    public String acceptWord() {
        Shown s = shown;
        return s == null ? null : nextWord(s.text());
    }

    static String nextWord(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            return text.substring(0, i + (text.startsWith("\r\n", i) ? 2 : 1));
        }
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i == start && i < text.length()) {
            i++;
        }
        return text.substring(0, i);
    }

    public Shown shown() {
        return shown;
    }

    public Context current() {
        return current;
    }

    /** Whether a request is in flight (sent, not answered, not cancelled). */
    public boolean requesting() {
        return inFlight != null;
    }

    /** Requests sent since this editor opened. */
    public long requests() {
        return requests;
    }

    /** The last request's failure, or null (shown in the status bar by the controller). */
    public Throwable lastFailure() {
        return lastFailure;
    }

    private void ask(Context asked) {
        pause = null;
        if (asked != current || !enabled) {
            return;
        }
        inFlightState = asked.state();
        requests++;
        Pending pending = source.request(asked,
                text -> owner.execute(() -> answered(asked, text)),
                error -> owner.execute(() -> failed(asked, error)));
        if (inFlightState == asked.state()) { // not answered synchronously
            inFlight = pending;
        }
    }

    private void answered(Context asked, String text) {
        if (asked != current || asked.state() != inFlightState) {
            return; // stale: a newer edit or move came since it was asked
        }
        inFlight = null;
        inFlightState = -1;
        lastFailure = null;
        if (text != null && !text.isEmpty() && !text.isBlank()) {
            show(new Shown(asked.state(), asked.caret(), text));
        }
    }

    private void failed(Context asked, Throwable error) {
        if (asked != current || asked.state() != inFlightState) {
            return;
        }
        inFlight = null;
        inFlightState = -1;
        lastFailure = error;
    }

    private void cancelPauseAndRequest() {
        if (pause != null) {
            pause.cancel();
            pause = null;
        }
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
        inFlightState = -1;
    }

    private void show(Shown s) {
        shown = Objects.requireNonNull(s);
        view.accept(s);
    }

    private void hide() {
        if (shown != null) {
            shown = null;
            view.accept(null);
        }
    }
}
