package dev.symphony.pit.pool.internal;

/**
 * The pool's task slots: which model, task and run hold each one, and the cost reserved for it. Free slots are a
 * stack, so acquire and release are O(1) and allocate nothing.
 */
final class SlotTable {
    static final int FREE = -1;

    private final int[] model;
    private final long[] task;
    private final long[] run;
    private final long[] reservedMicros;
    private final boolean[] ready;
    private final int[] freeStack;
    private int freeTop;

    SlotTable(final int capacity) {
        model = new int[capacity];
        task = new long[capacity];
        run = new long[capacity];
        reservedMicros = new long[capacity];
        ready = new boolean[capacity];
        freeStack = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            model[i] = FREE;
            freeStack[i] = capacity - 1 - i;
        }
        freeTop = capacity;
    }

    int capacity() {
        return model.length;
    }

    int inUse() {
        return model.length - freeTop;
    }

    boolean hasFree() {
        return freeTop > 0;
    }

    int acquire(final int modelId, final long taskId, final long runId, final long reserved, final boolean isReady) {
        final int slot = freeStack[--freeTop];
        model[slot] = modelId;
        task[slot] = taskId;
        run[slot] = runId;
        reservedMicros[slot] = reserved;
        ready[slot] = isReady;
        return slot;
    }

    void free(final int slot) {
        model[slot] = FREE;
        freeStack[freeTop++] = slot;
    }

    /** Throws when {@code slot} is not a slot in use: releasing twice is a caller bug worth a clear message. */
    void checkInUse(final int slot) {
        if (slot < 0 || slot >= model.length || model[slot] == FREE) {
            throw new IllegalArgumentException("slot " + slot + " is not allocated");
        }
    }

    int model(final int slot) {
        return model[slot];
    }

    long task(final int slot) {
        return task[slot];
    }

    long run(final int slot) {
        return run[slot];
    }

    long reserved(final int slot) {
        return reservedMicros[slot];
    }

    boolean ready(final int slot) {
        return slot >= 0 && slot < model.length && model[slot] != FREE && ready[slot];
    }

    void markReady(final int slot) {
        ready[slot] = true;
    }
}
