package dev.symphony.editor.selection;

/** Cursor motions; word motions stop at word/punctuation/space class changes, like most editors. */
public enum Motion {
    CHAR_LEFT, CHAR_RIGHT, WORD_LEFT, WORD_RIGHT, LINE_UP, LINE_DOWN, LINE_START, LINE_END, DOCUMENT_START, DOCUMENT_END
}
