package dev.symphony.mcp;

/** A bad {@code mcp.json}: the message names the file and the JSON path (and line for a syntax error). */
public final class McpConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public McpConfigException(String message) {
        super(message);
    }
}
