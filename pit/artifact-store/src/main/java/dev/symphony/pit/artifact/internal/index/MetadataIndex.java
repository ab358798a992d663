package dev.symphony.pit.artifact.internal.index;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Artifact id → fixed-size metadata record. Records live in 1 MiB pages (so growth never copies what is
 * there), slots are dense in insertion order, the id → slot map is an open-addressing
 * {@link Long2LongHashMap}. {@link #put} and {@link #get} allocate nothing once a page exists.
 */
public final class MetadataIndex {
    private static final int PAGE_SHIFT = 13;
    private static final int PAGE_RECORDS = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE_RECORDS - 1;

    private final Long2LongHashMap slotById;
    private UnsafeBuffer[] pages = new UnsafeBuffer[16];
    private long[] idBySlot = new long[1024];
    private int size;

    public MetadataIndex() {
        this(1024);
    }

    public MetadataIndex(int expectedEntries) {
        slotById = new Long2LongHashMap(Math.max(16, (int) (expectedEntries / 0.6f)), 0.65f, -1L);
    }

    /** Wraps {@code into} on {@code id}'s record, creating a cleared one if absent. */
    public MetadataFlyweight put(long id, MetadataFlyweight into) {
        long slot = slotById.get(id);
        if (slot >= 0) {
            return wrapSlot((int) slot, into);
        }
        int newSlot = size;
        ensureCapacity(newSlot);
        slotById.put(id, newSlot);
        idBySlot[newSlot] = id;
        size++;
        return wrapSlot(newSlot, into).clear(id);
    }

    /** Wraps {@code into} on {@code id}'s record; false (and {@code into} untouched) if absent. */
    public boolean get(long id, MetadataFlyweight into) {
        long slot = slotById.get(id);
        if (slot < 0) {
            return false;
        }
        wrapSlot((int) slot, into);
        return true;
    }

    public boolean contains(long id) {
        return slotById.containsKey(id);
    }

    public int size() {
        return size;
    }

    /** The id at a dense slot (0 ≤ slot < size), in insertion order. */
    public long idAt(int slot) {
        return idBySlot[slot];
    }

    public MetadataFlyweight wrapSlot(int slot, MetadataFlyweight into) {
        return into.wrap(pages[slot >>> PAGE_SHIFT], (slot & PAGE_MASK) * MetadataFlyweight.LENGTH);
    }

    private void ensureCapacity(int slot) {
        int page = slot >>> PAGE_SHIFT;
        if (page >= pages.length) {
            pages = java.util.Arrays.copyOf(pages, pages.length * 2);
        }
        if (pages[page] == null) {
            pages[page] = new UnsafeBuffer(new byte[PAGE_RECORDS * MetadataFlyweight.LENGTH]);
        }
        if (slot >= idBySlot.length) {
            idBySlot = java.util.Arrays.copyOf(idBySlot, idBySlot.length * 2);
        }
    }
}
