package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.ipc.api.BusException;

import java.util.function.Supplier;

/**
 * Where the transport's failures become the contract's: every operation the kernel does on a host's
 * channel goes through {@link #onBus}, so callers of the kernel see only {@link CallFailedException}
 * (its {@code ErrorCode} read from the bus status number).
 */
final class BusFailures {
    private BusFailures() {
    }

    static <T> T onBus(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (BusException e) {
            throw of(e);
        }
    }

    static CallFailedException of(BusException e) {
        return CallFailedException.fromStatus(e.status(), e.getMessage(), e);
    }
}
