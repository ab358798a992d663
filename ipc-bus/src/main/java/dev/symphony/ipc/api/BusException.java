package dev.symphony.ipc.api;

/**
 * A request, stream or event did not go through; {@link #status()} says why. The number is one of
 * {@link BusStatus} when the transport itself failed, or whatever status the peer put in its error frame
 * (the transport carries it without interpreting it).
 */
public class BusException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public BusException(int status, String message) {
        super(message);
        this.status = status;
    }

    public BusException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
