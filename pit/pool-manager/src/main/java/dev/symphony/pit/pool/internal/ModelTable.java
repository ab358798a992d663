package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.IllegalModelTransitionException;
import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.ModelState;
import dev.symphony.pit.pool.api.PoolListener;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Object2IntHashMap;

/**
 * Registered models as parallel primitive arrays indexed by model id, plus the resident set (models whose memory
 * counts). Every state change goes through {@link #transition} so that the lifecycle of {@link ModelState} is
 * enforced in one place and memory accounting follows it.
 */
final class ModelTable {
    private final ModelSpec[] specs;
    private final byte[] state;
    private final int[] tasks;
    private final int[] host;
    private final long[] memory;
    private final long[] vram;
    private final long[] cooldownDeadline;
    private final long[] lastUsedNanos;
    private final long[] calls;
    private final double[] errorRate;
    private final boolean[] speculative;
    private final Object2IntHashMap<String> ids = new Object2IntHashMap<>(-1);
    private final IntArrayList resident = new IntArrayList();
    private final PoolListener listener;
    private final EvictionQueue evictable;
    private int count;
    private long residentMemory;
    private long residentVram;
    private long speculativeMemory;

    ModelTable(final int capacity, final PoolListener listener, final UsagePredictor predictor) {
        specs = new ModelSpec[capacity];
        state = new byte[capacity];
        tasks = new int[capacity];
        host = new int[capacity];
        memory = new long[capacity];
        vram = new long[capacity];
        cooldownDeadline = new long[capacity];
        lastUsedNanos = new long[capacity];
        calls = new long[capacity];
        errorRate = new double[capacity];
        speculative = new boolean[capacity];
        this.listener = listener;
        evictable = new EvictionQueue(capacity, predictor, lastUsedNanos, memory, vram);
        predictor.evictionQueue(evictable);
    }

    int register(final ModelSpec spec) {
        if (ids.containsKey(spec.name())) {
            throw new IllegalArgumentException("model '" + spec.name() + "' is already registered as id "
                + ids.getValue(spec.name()));
        }
        if (count == specs.length) {
            throw new IllegalStateException("model table full (" + specs.length + "); raise maxModels in the context");
        }
        final int id = count++;
        specs[id] = spec;
        state[id] = (byte)ModelState.IDLE.ordinal();
        host[id] = spec.hostId();
        memory[id] = spec.memoryBytes();
        vram[id] = spec.vramBytes();
        ids.put(spec.name(), id);
        return id;
    }

    /** Moves {@code model} to {@code next}, or throws naming the model, from and to. */
    void transition(final int model, final ModelState next) {
        final ModelState from = state(model);
        if (!from.canTransitionTo(next)) {
            throw new IllegalModelTransitionException(specs[model].name(), from, next);
        }
        if (!from.isResident() && next.isResident()) {
            residentMemory += memory[model];
            residentVram += vram[model];
            resident.addInt(model);
        } else if (from.isResident() && !next.isResident()) {
            residentMemory -= memory[model];
            residentVram -= vram[model];
            resident.fastUnorderedRemoveInt(model);
            speculative(model, false);
        }
        if (isEvictableState(from)) {
            evictable.remove(model);
        }
        state[model] = (byte)next.ordinal();
        if (isEvictableState(next)) {
            evictable.add(model);
        }
        listener.onModelState(model, from, next);
    }

    /** WARM and COOLDOWN models hold no task (tasks exist only in LOADING and ACTIVE), so they may be evicted. */
    private static boolean isEvictableState(final ModelState state) {
        return state == ModelState.WARM || state == ModelState.COOLDOWN;
    }

    EvictionQueue evictable() {
        return evictable;
    }

    /** Marks whether a resident model is held without any task (pre-loaded or kept warm). */
    void speculative(final int model, final boolean value) {
        if (speculative[model] != value) {
            speculative[model] = value;
            speculativeMemory += value ? memory[model] : -memory[model];
        }
    }

    boolean isSpeculative(final int model) {
        return speculative[model];
    }

    boolean isValid(final int model) {
        return model >= 0 && model < count;
    }

    void check(final int model) {
        if (!isValid(model)) {
            throw new IllegalArgumentException("unknown model id " + model + " (registered: " + count + ")");
        }
    }

    int id(final String name) {
        return ids.getValue(name);
    }

    int count() {
        return count;
    }

    ModelSpec spec(final int model) {
        return specs[model];
    }

    ModelState state(final int model) {
        return ModelState.fromOrdinal(state[model]);
    }

    int host(final int model) {
        return host[model];
    }

    long memory(final int model) {
        return memory[model];
    }

    long vram(final int model) {
        return vram[model];
    }

    int tasks(final int model) {
        return tasks[model];
    }

    void addTask(final int model, final int delta) {
        tasks[model] += delta;
    }

    long cooldownDeadline(final int model) {
        return cooldownDeadline[model];
    }

    void cooldownDeadline(final int model, final long deadline) {
        cooldownDeadline[model] = deadline;
    }

    long lastUsed(final int model) {
        return lastUsedNanos[model];
    }

    void lastUsed(final int model, final long nanos) {
        lastUsedNanos[model] = nanos;
        evictable.update(model);
    }

    long calls(final int model) {
        return calls[model];
    }

    double errorRate(final int model) {
        return errorRate[model];
    }

    /** Feeds one call outcome into the exponentially weighted error rate and returns the new rate. */
    double recordCall(final int model, final boolean failed, final double alpha) {
        calls[model]++;
        errorRate[model] += alpha * ((failed ? 1.0 : 0.0) - errorRate[model]);
        return errorRate[model];
    }

    void resetHealth(final int model) {
        calls[model] = 0;
        errorRate[model] = 0;
    }

    IntArrayList resident() {
        return resident;
    }

    long residentMemory() {
        return residentMemory;
    }

    long residentVram() {
        return residentVram;
    }

    long speculativeMemory() {
        return speculativeMemory;
    }
}
