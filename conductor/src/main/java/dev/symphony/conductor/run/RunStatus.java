package dev.symphony.conductor.run;

/** How a run ended (for now): the CLI's exit status follows it. */
public enum RunStatus {
    SUCCEEDED(0), FAILED(1), CANCELLED(1), PAUSED(3);

    private final int exitCode;

    RunStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
