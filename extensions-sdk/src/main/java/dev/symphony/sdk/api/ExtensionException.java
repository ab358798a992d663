package dev.symphony.sdk.api;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;

/**
 * Thrown by extension code (or the SDK's clients) to fail a call with a specific {@link ErrorCode}; the
 * caller sees the code and the message. It is the contract's {@link CallFailedException}, raised on the
 * extension's side.
 */
public class ExtensionException extends CallFailedException {
    private static final long serialVersionUID = 1L;

    public ExtensionException(ErrorCode code, String message) {
        super(code, message);
    }

    public ExtensionException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
