package dev.symphony.pit.stale.internal;

import java.util.Arrays;

import org.agrona.collections.IntArrayQueue;
import org.agrona.collections.Object2IntHashMap;

import dev.symphony.pit.stale.api.ItemKind;
import dev.symphony.pit.stale.api.Tier;

/**
 * Tracked items as parallel primitive arrays indexed by handle (struct of arrays: a sweep touches only the
 * columns it needs, and nothing is boxed). Handles of deleted items go to a free queue and are reused.
 * Runs are interned to small ints; {@code runActive} is indexed by them.
 */
final class ItemCatalog {
    static final int NO_RUN = 0;

    byte[] kind;
    byte[] tier;
    boolean[] inFlight;
    long[] size;
    long[] lastAccess;
    long[] externalId;
    float[] trainingValue;
    int[] references;
    int[] run;
    String[] key;
    int used;
    int live;
    private final IntArrayQueue free;
    private final Object2IntHashMap<String> runIds = new Object2IntHashMap<>(-1);
    boolean[] runActive = new boolean[64];

    ItemCatalog(int capacity) {
        free = new IntArrayQueue(capacity, -1);
        kind = new byte[capacity];
        tier = new byte[capacity];
        inFlight = new boolean[capacity];
        size = new long[capacity];
        lastAccess = new long[capacity];
        externalId = new long[capacity];
        trainingValue = new float[capacity];
        references = new int[capacity];
        run = new int[capacity];
        key = new String[capacity];
        runIds.put("", NO_RUN);
    }

    int add(ItemKind itemKind, String itemKey, long id, long bytes, long accessMs, String melodyRun, Tier initial) {
        int h = free.isEmpty() ? used++ : free.pollInt();
        if (h >= kind.length) {
            grow(kind.length * 2);
        }
        kind[h] = (byte) itemKind.ordinal();
        tier[h] = (byte) initial.ordinal();
        inFlight[h] = false;
        size[h] = bytes;
        lastAccess[h] = accessMs;
        externalId[h] = id;
        trainingValue[h] = 0f;
        references[h] = 0;
        run[h] = runId(melodyRun);
        key[h] = itemKey;
        live++;
        return h;
    }

    void release(int h) {
        key[h] = null;
        live--;
        free.addInt(h);
    }

    int runId(String melodyRun) {
        int id = runIds.getValue(melodyRun);
        if (id < 0) {
            id = runIds.size();
            runIds.put(melodyRun, id);
            if (id >= runActive.length) {
                runActive = Arrays.copyOf(runActive, id * 2);
            }
        }
        return id;
    }

    void check(int h) {
        if (h < 0 || h >= used || key[h] == null) {
            throw new IllegalArgumentException("no tracked item with handle " + h);
        }
    }

    private void grow(int capacity) {
        kind = Arrays.copyOf(kind, capacity);
        tier = Arrays.copyOf(tier, capacity);
        inFlight = Arrays.copyOf(inFlight, capacity);
        size = Arrays.copyOf(size, capacity);
        lastAccess = Arrays.copyOf(lastAccess, capacity);
        externalId = Arrays.copyOf(externalId, capacity);
        trainingValue = Arrays.copyOf(trainingValue, capacity);
        references = Arrays.copyOf(references, capacity);
        run = Arrays.copyOf(run, capacity);
        key = Arrays.copyOf(key, capacity);
    }
}
