package dev.symphony.editor.file;

/**
 * The autosave setting (as in VS Code: off, after a delay, when focus changes) and its clock-driven
 * state for one document. UI-free: the caller feeds it events and asks whether a save is due.
 */
public final class AutosavePolicy {

    /** The setting's values. */
    public enum Mode { OFF, AFTER_DELAY, ON_FOCUS_CHANGE }

    private final Mode mode;
    private final long delayMillis;
    private long dueAt = Long.MAX_VALUE;
    private boolean dirty;

    public AutosavePolicy(Mode mode, long delayMillis) {
        if (mode == Mode.AFTER_DELAY && delayMillis <= 0) {
            throw new IllegalArgumentException("autosave delay must be positive, was " + delayMillis);
        }
        this.mode = mode;
        this.delayMillis = delayMillis;
    }

    public Mode mode() {
        return mode;
    }

    /** An edit at time {@code now}: restarts the delay. */
    public void onEdit(long now) {
        dirty = true;
        if (mode == Mode.AFTER_DELAY) {
            dueAt = now + delayMillis;
        }
    }

    /** Whether a save is due at {@code now} (poll this from a timer). */
    public boolean dueAt(long now) {
        return dirty && mode == Mode.AFTER_DELAY && now >= dueAt;
    }

    /** The editor or window lost focus: true when this policy saves now. */
    public boolean onFocusLost() {
        return dirty && mode == Mode.ON_FOCUS_CHANGE;
    }

    /** The document was saved (by autosave or by hand). */
    public void onSaved() {
        dirty = false;
        dueAt = Long.MAX_VALUE;
    }
}
