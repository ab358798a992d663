package dev.symphony.pit.dag.internal;

import java.util.Arrays;

/** A set of ints in {@code [0, capacity)} with O(1) add, remove, contains and indexed iteration; no allocation. */
final class IndexedIntSet {
    private final int[] members;
    private final int[] position;
    private int size;

    IndexedIntSet(final int capacity) {
        members = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
    }

    void add(final int value) {
        if (position[value] < 0) {
            members[size] = value;
            position[value] = size++;
        }
    }

    void remove(final int value) {
        final int index = position[value];
        if (index >= 0) {
            final int last = members[--size];
            members[index] = last;
            position[last] = index;
            position[value] = -1;
        }
    }

    boolean contains(final int value) {
        return position[value] >= 0;
    }

    int size() {
        return size;
    }

    int get(final int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return members[index];
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            position[members[i]] = -1;
        }
        size = 0;
    }
}
