package dev.symphony.conductor.run;

/** A node gave up after its error strategy's retries, fallbacks and compensation: the message says why. */
final class NodeFailure extends Exception {
    private static final long serialVersionUID = 1L;

    NodeFailure(String message) {
        super(message);
    }

    NodeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
