package dev.symphony.ipc.api;

/**
 * Why a call failed. Carried in the header flags of an {@link MessageType#ERROR} message, and used
 * locally for failures that never crossed the bus (timeout, peer death). The numbers match the exit
 * codes of {@code symphony call} where one exists.
 */
public enum ErrorCode {
    EXTENSION_ERROR(1),
    INVALID_INPUT(2),
    PERMISSION_DENIED(3),
    TIMEOUT(4),
    CRASHED(5),
    CANCELLED(6),
    /** Too many calls in flight: back-pressure. */
    BUSY(7),
    UNKNOWN_CAPABILITY(8),
    /** The channel was closed on purpose (disable, shutdown). */
    CLOSED(9);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ErrorCode ofCode(int code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return EXTENSION_ERROR;
    }
}
