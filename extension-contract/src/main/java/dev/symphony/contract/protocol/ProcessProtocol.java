package dev.symphony.contract.protocol;

import java.util.List;

/** Brokered process start, allowed only with {@code "processes": true}. */
public final class ProcessProtocol {
    private ProcessProtocol() {
    }

    public record Run(List<String> command, String workingDir, long timeoutMs) {
    }

    public record RunResult(int exitCode, String stdout, String stderr) {
    }
}
