package dev.symphony.ipc.api;

/** A request, stream or brokered call did not produce a result; {@link #code()} says why. */
public class CallFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public CallFailedException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public CallFailedException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
