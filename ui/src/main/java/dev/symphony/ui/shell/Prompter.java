package dev.symphony.ui.shell;

import java.util.Optional;

/**
 * What view-models may ask of the person at the keyboard, without knowing about dialogs.
 * Called on the JavaFX thread; the view layer implements it with dialogs (tests may answer directly).
 */
public interface Prompter {
    /** A yes/no question for a destructive action; true when confirmed. */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * Asks whether to save unsaved changes before they go: {@code saveLabel} ("Save", "Save All") is the
     * default button, then "Don't Save" and "Cancel"; closing the dialog is Cancel.
     */
    SaveChoice askToSave(String title, String message, String saveLabel);

    /** Asks for a line of text; empty when cancelled. */
    Optional<String> ask(String title, String prompt, String initialValue);

    /** Asks to pick one of {@code choices} (the first preselected); empty when cancelled. */
    Optional<String> choose(String title, String prompt, java.util.List<String> choices);

    /** Tells the person something failed and why. */
    void showError(String title, String message);
}
