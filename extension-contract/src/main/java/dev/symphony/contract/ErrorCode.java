package dev.symphony.contract;

/**
 * Why a call of an extension failed. Crosses the bus as the status number of an error frame (the
 * transport carries the number without knowing what it means) and is used locally for failures that
 * never crossed the bus. The numbers match the exit codes of {@code symphony call} where one exists.
 *
 * <p>The transport reports its own failures with the numbers of {@code dev.symphony.ipc.api.BusStatus}
 * (malformed payload, timeout, peer exited, cancelled, busy, no handler, closed, too large); they are the numbers of
 * {@link #INVALID_INPUT}, {@link #TIMEOUT}, {@link #CRASHED}, {@link #CANCELLED}, {@link #BUSY},
 * {@link #UNKNOWN_CAPABILITY}, {@link #CLOSED} and {@link #LIMIT_EXCEEDED} here, so {@link #ofCode} reads either.
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
    CLOSED(9),
    /** A request or answer over a size limit or quota (the message names the extension and the limit); only that call fails. */
    LIMIT_EXCEEDED(10);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The code with this number; {@link #EXTENSION_ERROR} for a number this version does not know. */
    public static ErrorCode ofCode(int code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return EXTENSION_ERROR;
    }
}
