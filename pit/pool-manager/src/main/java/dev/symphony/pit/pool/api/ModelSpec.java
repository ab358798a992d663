package dev.symphony.pit.pool.api;

/**
 * What the pool needs to know about one model (an Instrument's model), from the extension's manifest.
 *
 * @param name                unique name, e.g. {@code "ollama/llama3.1:8b"}
 * @param hostId              the extension host serving it ({@link PoolManager#registerHost(String)})
 * @param memoryBytes         host RAM it occupies while resident
 * @param vramBytes           GPU memory it occupies while resident (0 for CPU-only/remote models)
 * @param maxConcurrency      tasks one instance serves at once
 * @param costPerCallMicros   price of one call in millionths of the account currency (0 for local models)
 * @param costPerTokenMicros  price of one token in millionths of the account currency
 */
public record ModelSpec(
    String name,
    int hostId,
    long memoryBytes,
    long vramBytes,
    int maxConcurrency,
    long costPerCallMicros,
    long costPerTokenMicros) {

    public ModelSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        if (memoryBytes < 0 || vramBytes < 0) {
            throw new IllegalArgumentException("model '" + name + "': memoryBytes and vramBytes must be >= 0");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("model '" + name + "': maxConcurrency must be >= 1, was " + maxConcurrency);
        }
        if (costPerCallMicros < 0 || costPerTokenMicros < 0) {
            throw new IllegalArgumentException("model '" + name + "': costs must be >= 0");
        }
    }

    /** The cost of one call that uses {@code tokens} tokens. */
    public long costMicros(final long tokens) {
        return costPerCallMicros + costPerTokenMicros * tokens;
    }
}
