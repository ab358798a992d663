package dev.symphony.ui.problems;

import dev.symphony.agent.WorkspaceDiagnostics;
import dev.symphony.ui.FxBridge;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Problems panel as the agent's {@code diagnostics} tool reads it: the problems of the window's {@link ProblemsModel}
 * (language servers, settings and JSON checks), copied on the JavaFX thread and handed to the agent's thread.
 */
public final class AgentProblems implements WorkspaceDiagnostics {
    static final long WAIT_SECONDS = 10;
    private final ProblemsModel problems;
    private final FxBridge bridge;

    public AgentProblems(ProblemsModel problems, FxBridge bridge) {
        this.problems = problems;
        this.bridge = bridge;
    }

    @Override
    public List<WorkspaceDiagnostics.Problem> problems() throws Exception {
        CompletableFuture<List<WorkspaceDiagnostics.Problem>> now = new CompletableFuture<>();
        bridge.onFx(() -> now.complete(problems.all().stream()
                .map(p -> new WorkspaceDiagnostics.Problem(p.file(), p.line(), p.column(), p.message())).toList()));
        return now.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
