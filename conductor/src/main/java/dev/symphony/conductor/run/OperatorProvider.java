package dev.symphony.conductor.run;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Operators that a module above the conductor adds to headless runs ({@code symphony run}, {@code serve}), found with
 * {@link ServiceLoader} so the conductor names none of them: the agent's tools and phases ({@code agent}'s
 * {@code AgentOperators}). Each wraps the capabilities it is given, as {@link McpOperators} does.
 */
public interface OperatorProvider {
    /**
     * {@code delegate} with this provider's Operators beside it; the result closes {@code delegate} when it is closed.
     * @param configDir the user's configuration folder (policy files)
     * @param workspace the folder the run works in (the current folder)
     */
    Capabilities around(Capabilities delegate, Path configDir, Path workspace);

    /** {@code delegate} wrapped by every provider on the class path, in the order found. */
    static Capabilities aroundAll(Capabilities delegate, Path configDir, Path workspace) {
        Capabilities c = delegate;
        for (OperatorProvider p : ServiceLoader.load(OperatorProvider.class, OperatorProvider.class.getClassLoader())) {
            c = p.around(c, configDir, workspace);
        }
        return c;
    }
}
