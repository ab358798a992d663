package dev.symphony.agent.melody;

import dev.symphony.conductor.run.Capabilities;
import dev.symphony.conductor.run.OperatorProvider;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.nio.file.Path;

/** Puts {@link AgentOperators} into headless runs ({@code symphony run}), found by the conductor with ServiceLoader. */
public final class AgentOperatorProvider implements OperatorProvider {
    @Override
    public Capabilities around(Capabilities delegate, Path configDir, Path workspace) {
        return new AgentOperators(delegate, SymphonyPaths.resolve(), workspace);
    }
}
