package dev.symphony.kernel.marketplace;

/** An index or an archive it lists could not be read or is not what it claims; the message names what and where. */
public final class IndexException extends Exception {
    private static final long serialVersionUID = 1L;

    public IndexException(String message) {
        super(message);
    }
}
