package dev.symphony.sdk.api;

import dev.symphony.contract.ErrorCode;

/** Thrown by extension code (or the SDK's clients) to fail a call with a specific {@link ErrorCode}. */
public class ExtensionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public ExtensionException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ExtensionException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
