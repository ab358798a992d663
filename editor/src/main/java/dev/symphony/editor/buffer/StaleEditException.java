package dev.symphony.editor.buffer;

/** An edit computed against an older revision touches text that has changed since: it is not applied. */
public final class StaleEditException extends Exception {

    private static final long serialVersionUID = 1L;

    public StaleEditException(String message) {
        super(message);
    }
}
