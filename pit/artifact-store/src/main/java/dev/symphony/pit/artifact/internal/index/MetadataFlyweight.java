package dev.symphony.pit.artifact.internal.index;

import org.agrona.MutableDirectBuffer;

/**
 * View of one index record (128 bytes, native order, on-heap pages):
 *
 * <pre>
 *   0 id            8 committedAtMs  16 lastAccessMs   24 supersedes     32 supersededBy
 *  40 costMicros   48 startedAtMs    56 finishedAtMs   64 contentSlot:i  68 nameId:i
 *  72 version:i    76 producerId:i   80 runId:i        84 nodeId:i       88 mediaTypeId:i
 *  92 kind:b       93 flags:b        96 structure:f   100 semantics:f   104 utility:f
 * 108 firstOutEdge:i 112 firstInEdge:i  116..127 reserved
 * </pre>
 *
 * Strings are interned ids ({@link StringTable}); edges are heads of lists in {@link RelationGraph}.
 */
public final class MetadataFlyweight {
    public static final int LENGTH = 128;
    public static final int FLAG_PURGED = 1;

    private static final int ID = 0;
    private static final int COMMITTED_AT = 8;
    private static final int LAST_ACCESS = 16;
    private static final int SUPERSEDES = 24;
    private static final int SUPERSEDED_BY = 32;
    private static final int COST = 40;
    private static final int STARTED_AT = 48;
    private static final int FINISHED_AT = 56;
    private static final int CONTENT_SLOT = 64;
    private static final int NAME = 68;
    private static final int VERSION = 72;
    private static final int PRODUCER = 76;
    private static final int RUN = 80;
    private static final int NODE = 84;
    private static final int MEDIA_TYPE = 88;
    private static final int KIND = 92;
    private static final int FLAGS = 93;
    private static final int STRUCTURE = 96;
    private static final int SEMANTICS = 100;
    private static final int UTILITY = 104;
    private static final int FIRST_OUT = 108;
    private static final int FIRST_IN = 112;

    private MutableDirectBuffer buffer;
    private int offset;

    public MetadataFlyweight wrap(MutableDirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** Resets every field of a fresh record (pages are reused only on growth, but be explicit). */
    public MetadataFlyweight clear(long id) {
        buffer.setMemory(offset, LENGTH, (byte) 0);
        buffer.putLong(offset + ID, id);
        buffer.putInt(offset + FIRST_OUT, -1);
        buffer.putInt(offset + FIRST_IN, -1);
        buffer.putFloat(offset + STRUCTURE, Float.NaN);
        buffer.putFloat(offset + SEMANTICS, Float.NaN);
        buffer.putFloat(offset + UTILITY, Float.NaN);
        return this;
    }

    public long id() { return buffer.getLong(offset + ID); }
    public long committedAtMs() { return buffer.getLong(offset + COMMITTED_AT); }
    public MetadataFlyweight committedAtMs(long v) { buffer.putLong(offset + COMMITTED_AT, v); return this; }
    public long lastAccessMs() { return buffer.getLong(offset + LAST_ACCESS); }
    public MetadataFlyweight lastAccessMs(long v) { buffer.putLong(offset + LAST_ACCESS, v); return this; }
    public long supersedes() { return buffer.getLong(offset + SUPERSEDES); }
    public MetadataFlyweight supersedes(long v) { buffer.putLong(offset + SUPERSEDES, v); return this; }
    public long supersededBy() { return buffer.getLong(offset + SUPERSEDED_BY); }
    public MetadataFlyweight supersededBy(long v) { buffer.putLong(offset + SUPERSEDED_BY, v); return this; }
    public long costMicros() { return buffer.getLong(offset + COST); }
    public MetadataFlyweight costMicros(long v) { buffer.putLong(offset + COST, v); return this; }
    public long startedAtMs() { return buffer.getLong(offset + STARTED_AT); }
    public MetadataFlyweight startedAtMs(long v) { buffer.putLong(offset + STARTED_AT, v); return this; }
    public long finishedAtMs() { return buffer.getLong(offset + FINISHED_AT); }
    public MetadataFlyweight finishedAtMs(long v) { buffer.putLong(offset + FINISHED_AT, v); return this; }
    public int contentSlot() { return buffer.getInt(offset + CONTENT_SLOT); }
    public MetadataFlyweight contentSlot(int v) { buffer.putInt(offset + CONTENT_SLOT, v); return this; }
    public int nameId() { return buffer.getInt(offset + NAME); }
    public MetadataFlyweight nameId(int v) { buffer.putInt(offset + NAME, v); return this; }
    public int version() { return buffer.getInt(offset + VERSION); }
    public MetadataFlyweight version(int v) { buffer.putInt(offset + VERSION, v); return this; }
    public int producerId() { return buffer.getInt(offset + PRODUCER); }
    public MetadataFlyweight producerId(int v) { buffer.putInt(offset + PRODUCER, v); return this; }
    public int runId() { return buffer.getInt(offset + RUN); }
    public MetadataFlyweight runId(int v) { buffer.putInt(offset + RUN, v); return this; }
    public int nodeId() { return buffer.getInt(offset + NODE); }
    public MetadataFlyweight nodeId(int v) { buffer.putInt(offset + NODE, v); return this; }
    public int mediaTypeId() { return buffer.getInt(offset + MEDIA_TYPE); }
    public MetadataFlyweight mediaTypeId(int v) { buffer.putInt(offset + MEDIA_TYPE, v); return this; }
    public int kind() { return buffer.getByte(offset + KIND); }
    public MetadataFlyweight kind(int v) { buffer.putByte(offset + KIND, (byte) v); return this; }
    public int flags() { return buffer.getByte(offset + FLAGS); }
    public MetadataFlyweight flags(int v) { buffer.putByte(offset + FLAGS, (byte) v); return this; }
    public float structure() { return buffer.getFloat(offset + STRUCTURE); }
    public float semantics() { return buffer.getFloat(offset + SEMANTICS); }
    public float utility() { return buffer.getFloat(offset + UTILITY); }

    public MetadataFlyweight quality(float structure, float semantics, float utility) {
        buffer.putFloat(offset + STRUCTURE, structure);
        buffer.putFloat(offset + SEMANTICS, semantics);
        buffer.putFloat(offset + UTILITY, utility);
        return this;
    }

    public int firstOutEdge() { return buffer.getInt(offset + FIRST_OUT); }
    public MetadataFlyweight firstOutEdge(int v) { buffer.putInt(offset + FIRST_OUT, v); return this; }
    public int firstInEdge() { return buffer.getInt(offset + FIRST_IN); }
    public MetadataFlyweight firstInEdge(int v) { buffer.putInt(offset + FIRST_IN, v); return this; }
}
