package dev.symphony.kernel.cli;

import dev.symphony.ipc.api.ErrorCode;
import dev.symphony.kernel.bus.HostClasspath;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.paths.SymphonyPaths;

/**
 * The kernel a CLI command starts in its own process: the user's installed extensions (from
 * {@code SYMPHONY_HOME} or the OS data folder, like the IDE) plus, in a source checkout, the built
 * modules under {@code sample-extensions/} in PF4J development mode. The CLI does not attach to a
 * running IDE's kernel; it runs its own hosts and stops them when it exits.
 */
final class CliKernel {
    private CliKernel() {
    }

    static KernelContext context() {
        KernelContext context = new KernelContext().paths(SymphonyPaths.resolve());
        HostClasspath.RepositoryRoot.find().ifPresent(repo -> context.developmentRoot(repo.resolve("sample-extensions")));
        return context;
    }

    static Kernel start() {
        return Kernel.start(context());
    }

    /** {@code symphony call} exit codes: 0 ok, 1 extension error, 2 validation/usage, 3 denied, 4 timeout, 5 crashed. */
    static int exitCode(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT, UNKNOWN_CAPABILITY -> 2;
            case PERMISSION_DENIED -> 3;
            case TIMEOUT -> 4;
            case CRASHED -> 5;
            default -> 1;
        };
    }
}
