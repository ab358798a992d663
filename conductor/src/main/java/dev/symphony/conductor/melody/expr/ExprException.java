package dev.symphony.conductor.melody.expr;

/** A syntax or evaluation error; {@link #position()} is the character offset in the expression, or -1. */
public final class ExprException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int position;

    public ExprException(String message, int position) {
        super(position >= 0 ? message + " (at character " + (position + 1) + ")" : message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
