package dev.symphony.kernel.settings;

/** A setting could not be written; the message says which file, why, and what to do. */
public final class SettingsWriteException extends Exception {
    private static final long serialVersionUID = 1L;

    public SettingsWriteException(String message) {
        super(message);
    }
}
