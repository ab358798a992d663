package dev.symphony.kernel.extensions;

/** An archive could not be installed; {@link #exitCode()} is what {@code ext install} exits with. */
public final class InstallException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public InstallException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
