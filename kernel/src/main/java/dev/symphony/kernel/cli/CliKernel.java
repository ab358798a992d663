package dev.symphony.kernel.cli;

import dev.symphony.contract.ErrorCode;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;

/**
 * The kernel a CLI command starts in its own process, over {@link KernelContext#standard()} like the
 * IDE's. The CLI does not attach to a
 * running IDE's kernel; it runs its own hosts and stops them when it exits.
 */
final class CliKernel {
    private CliKernel() {
    }

    static Kernel start() {
        return Kernel.start(KernelContext.standard());
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
