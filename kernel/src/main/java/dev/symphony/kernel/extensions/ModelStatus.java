package dev.symphony.kernel.extensions;

/**
 * One capability's model state at {@code atEpochMs}. {@code loadMs}: how long the warm-up took (WARM,
 * FAILED; the last one's for IDLE after a warm model's host ended), else -1. {@code message}: why a
 * warm-up FAILED or why the model went IDLE (host exited, stopped), else null.
 */
public record ModelStatus(String extensionId, String capability, ModelState state, long loadMs, String message,
                          long atEpochMs) {
    static ModelStatus idle(String extensionId, String capability) {
        return new ModelStatus(extensionId, capability, ModelState.IDLE, -1, null, 0);
    }
}
