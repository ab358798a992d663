package dev.symphony.mcp;

/** A tool call that did not run or failed; {@link #reason()} says which. */
public final class McpCallException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason { UNKNOWN_TOOL, INVALID_ARGUMENTS, DENIED, NOT_APPROVED, SERVER_FAILED }

    private final Reason reason;

    public McpCallException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
