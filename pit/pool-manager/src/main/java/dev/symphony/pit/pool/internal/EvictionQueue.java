package dev.symphony.pit.pool.internal;

import java.util.Arrays;

/**
 * The evictable models (WARM or COOLDOWN: resident, no task) in an indexed binary min-heap ordered by the
 * eviction policy: lowest usage rank first, then least recently used. Membership follows state transitions and
 * keys follow usage updates, so picking a victim is O(1) and every change is O(log n); the queue also keeps the
 * evictable memory/VRAM sums so that an allocation knows at once whether eviction can make room.
 */
final class EvictionQueue {
    private final int[] heap;
    private final int[] position;
    private final UsagePredictor predictor;
    private final long[] lastUsed;
    private final long[] memory;
    private final long[] vram;
    private int size;
    private long memorySum;
    private long vramSum;

    EvictionQueue(final int capacity, final UsagePredictor predictor, final long[] lastUsed, final long[] memory,
        final long[] vram) {
        heap = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
        this.predictor = predictor;
        this.lastUsed = lastUsed;
        this.memory = memory;
        this.vram = vram;
    }

    int size() {
        return size;
    }

    int at(final int index) {
        return heap[index];
    }

    int peek() {
        return size == 0 ? -1 : heap[0];
    }

    long memorySum() {
        return memorySum;
    }

    long vramSum() {
        return vramSum;
    }

    boolean contains(final int model) {
        return position[model] >= 0;
    }

    void add(final int model) {
        if (position[model] >= 0) {
            return;
        }
        heap[size] = model;
        position[model] = size;
        size++;
        memorySum += memory[model];
        vramSum += vram[model];
        siftUp(size - 1);
    }

    void remove(final int model) {
        final int index = position[model];
        if (index < 0) {
            return;
        }
        memorySum -= memory[model];
        vramSum -= vram[model];
        position[model] = -1;
        size--;
        if (index != size) {
            final int last = heap[size];
            heap[index] = last;
            position[last] = index;
            siftDown(index);
            siftUp(position[last]);
        }
    }

    /** The model's rank or last use changed: restore the heap order around it. */
    void update(final int model) {
        final int index = position[model];
        if (index >= 0) {
            siftDown(index);
            siftUp(position[model]);
        }
    }

    boolean orderedBefore(final int a, final int b) {
        return before(a, b);
    }

    private boolean before(final int a, final int b) {
        final double ra = predictor.rank(a);
        final double rb = predictor.rank(b);
        return ra < rb || (ra == rb && lastUsed[a] < lastUsed[b]);
    }

    private void siftUp(int index) {
        final int model = heap[index];
        while (index > 0) {
            final int parent = (index - 1) >>> 1;
            if (!before(model, heap[parent])) {
                break;
            }
            move(heap[parent], index);
            index = parent;
        }
        move(model, index);
    }

    private void siftDown(int index) {
        final int model = heap[index];
        while (true) {
            final int left = 2 * index + 1;
            if (left >= size) {
                break;
            }
            final int right = left + 1;
            final int child = right < size && before(heap[right], heap[left]) ? right : left;
            if (!before(heap[child], model)) {
                break;
            }
            move(heap[child], index);
            index = child;
        }
        move(model, index);
    }

    private void move(final int model, final int index) {
        heap[index] = model;
        position[model] = index;
    }
}
