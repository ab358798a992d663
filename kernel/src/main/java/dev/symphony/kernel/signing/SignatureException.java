package dev.symphony.kernel.signing;

/** A signature, key or signed document is not what it claims; the message names what failed and where. */
public final class SignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    public SignatureException(String message) {
        super(message);
    }
}
