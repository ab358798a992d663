package dev.symphony.ui.shell;

/** The answer to "save the changes before closing?": Save is the default, Cancel keeps everything open. */
public enum SaveChoice {
    SAVE, DONT_SAVE, CANCEL
}
