package dev.symphony.contract;

/**
 * A call of an extension capability, a stream or a brokered service did not produce a result;
 * {@link #code()} says why. The kernel and the SDK's host runtime turn the transport's failures into
 * this with {@link #fromStatus}.
 */
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

    /** A failure the transport reported with a status number (its own, or one a peer sent). */
    public static CallFailedException fromStatus(int status, String message, Throwable cause) {
        return new CallFailedException(ErrorCode.ofCode(status), message, cause);
    }

    public ErrorCode code() {
        return code;
    }
}
