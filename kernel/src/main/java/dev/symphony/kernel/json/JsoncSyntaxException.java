package dev.symphony.kernel.json;

/** A JSON syntax problem with its 1-based line and column. */
public final class JsoncSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public JsoncSyntaxException(String problem, int line, int column) {
        super(problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** "line L, column C: problem" — what the user sees. */
    public String describe() {
        return "line " + line + ", column " + column + ": " + getMessage();
    }
}
