package dev.symphony.pit.artifact.internal.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.agrona.collections.Long2LongHashMap;

import dev.symphony.pit.artifact.api.ContentTier;

/**
 * Deduplicated content: one slot per distinct SHA-256, with where its stored bytes are and how many
 * non-purged artifacts hold it. Lookup by the hash's first 8 bytes in a {@link Long2LongHashMap}; the full
 * hash is compared, and the (astronomically rare) prefix collision goes to a small overflow map.
 */
public final class ContentTable {
    public static final int HASH_LENGTH = 32;

    private final Long2LongHashMap slotByPrefix = new Long2LongHashMap(1024, 0.65f, -1L);
    private final Map<String, Integer> overflow = new HashMap<>();
    private byte[] hashes = new byte[HASH_LENGTH * 256];
    private long[] rawLength = new long[256];
    private int[] storedLength = new int[256];
    private int[] segment = new int[256];
    private long[] offset = new long[256];
    private byte[] codecFlags = new byte[256];
    private byte[] tier = new byte[256];
    private int[] holders = new int[256];
    private int size;

    /** The slot of a hash, or -1. */
    public int find(byte[] hash, int hashOffset) {
        long slot = slotByPrefix.get(prefix(hash, hashOffset));
        if (slot < 0) {
            return -1;
        }
        if (equalsHash((int) slot, hash, hashOffset)) {
            return (int) slot;
        }
        Integer other = overflow.get(HexFormat.of().formatHex(hash, hashOffset, hashOffset + HASH_LENGTH));
        return other == null ? -1 : other;
    }

    /** Adds a hash in tier PURGED (no bytes yet); the caller then sets where its bytes are. */
    public int add(byte[] hash, int hashOffset, long rawLength) {
        int slot = size++;
        grow(slot);
        System.arraycopy(hash, hashOffset, hashes, slot * HASH_LENGTH, HASH_LENGTH);
        this.rawLength[slot] = rawLength;
        this.tier[slot] = (byte) ContentTier.PURGED.ordinal();
        long key = prefix(hash, hashOffset);
        if (slotByPrefix.get(key) < 0) {
            slotByPrefix.put(key, slot);
        } else {
            overflow.put(HexFormat.of().formatHex(hash, hashOffset, hashOffset + HASH_LENGTH), slot);
        }
        return slot;
    }

    public void setLocal(int slot, int segment, long offset, int storedLength, int codecFlags) {
        this.segment[slot] = segment;
        this.offset[slot] = offset;
        this.storedLength[slot] = storedLength;
        this.codecFlags[slot] = (byte) codecFlags;
        this.tier[slot] = (byte) ContentTier.LOCAL.ordinal();
    }

    /** Records that the content is in the archive folder (its stored form is the same as in the log). */
    public void setArchived(int slot, int storedLength, int codecFlags) {
        this.storedLength[slot] = storedLength;
        this.codecFlags[slot] = (byte) codecFlags;
        this.tier[slot] = (byte) ContentTier.ARCHIVED.ordinal();
    }

    public void setTier(int slot, ContentTier value) {
        tier[slot] = (byte) value.ordinal();
    }

    /** Moves where a local blob is (after compaction rewrote its segment). */
    public void relocate(int slot, long newOffset) {
        offset[slot] = newOffset;
    }

    public ContentTier tier(int slot) {
        return ContentTier.of(tier[slot]);
    }

    public boolean isLocalAt(int slot, int segment, long offset) {
        return tier[slot] == ContentTier.LOCAL.ordinal() && this.segment[slot] == segment && this.offset[slot] == offset;
    }

    public int holders(int slot) {
        return holders[slot];
    }

    public void addHolder(int slot, int delta) {
        holders[slot] += delta;
    }

    public byte[] hashes() {
        return hashes;
    }

    public int hashOffset(int slot) {
        return slot * HASH_LENGTH;
    }

    public String hashHex(int slot) {
        return HexFormat.of().formatHex(hashes, slot * HASH_LENGTH, slot * HASH_LENGTH + HASH_LENGTH);
    }

    public long rawLength(int slot) {
        return rawLength[slot];
    }

    public int storedLength(int slot) {
        return storedLength[slot];
    }

    public int segment(int slot) {
        return segment[slot];
    }

    public long offset(int slot) {
        return offset[slot];
    }

    public int codecFlags(int slot) {
        return codecFlags[slot];
    }

    public int size() {
        return size;
    }

    private boolean equalsHash(int slot, byte[] hash, int hashOffset) {
        return Arrays.equals(hashes, slot * HASH_LENGTH, slot * HASH_LENGTH + HASH_LENGTH,
                hash, hashOffset, hashOffset + HASH_LENGTH);
    }

    private static long prefix(byte[] hash, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (hash[offset + i] & 0xFF);
        }
        return v == -1L ? -2L : v; // -1 is the map's missing value marker... for values; keys are free, but be safe
    }

    private void grow(int slot) {
        if (slot < rawLength.length) {
            return;
        }
        int n = rawLength.length * 2;
        hashes = Arrays.copyOf(hashes, n * HASH_LENGTH);
        rawLength = Arrays.copyOf(rawLength, n);
        storedLength = Arrays.copyOf(storedLength, n);
        segment = Arrays.copyOf(segment, n);
        offset = Arrays.copyOf(offset, n);
        codecFlags = Arrays.copyOf(codecFlags, n);
        tier = Arrays.copyOf(tier, n);
        holders = Arrays.copyOf(holders, n);
    }
}
