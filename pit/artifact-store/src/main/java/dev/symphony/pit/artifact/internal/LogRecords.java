package dev.symphony.pit.artifact.internal;

import java.nio.ByteOrder;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.symphony.pit.artifact.internal.wal.WalDescriptor;

/**
 * Payload layouts of the log's record types (little-endian, after the 12-byte frame header of
 * {@link WalDescriptor}). Strings are {@code int length | UTF-8}.
 *
 * <pre>
 * PUT      0 id | 8 committedAtMs | 16 startedAtMs | 24 finishedAtMs | 32 costMicros | 40 rawLength
 *          48 kind:b | 49 contentFlags:b | 50 sha256[32] | 82 derivedCount:i | 86 derived ids...
 *          then name, mediaType, producer, run, node (strings)
 *          then, iff contentFlags has HAS_CONTENT: storedLength:i | stored bytes (see ContentCodec)
 * RELATE   0 from | 8 to | 16 atMs | 24 kind:b | 25 actor
 * SCORE    0 id | 8 atMs | 16 structure:f | 20 semantics:f | 24 utility:f | 28 actor
 * ARCHIVE  0 id | 8 atMs | 16 sha256[32] | 48 storedLength:i | 52 codecFlags:i | 56 actor
 * PURGE    0 id | 8 atMs | 16 actor | reason
 * </pre>
 *
 * The content section is last in a PUT so that compaction can drop it by rewriting the frame's length,
 * flag and CRC without touching anything else; ids and timestamps, hence the audit trail, never change.
 */
final class LogRecords {
    static final int PUT = 1;
    static final int RELATE = 2;
    static final int SCORE = 3;
    static final int ARCHIVE = 4;
    static final int PURGE = 5;

    static final int HAS_CONTENT = 0x10; // low bits: ContentCodec flags
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    static final int P = WalDescriptor.HEADER_LENGTH;
    static final int PUT_ID = P;
    static final int PUT_COMMITTED_AT = P + 8;
    static final int PUT_STARTED_AT = P + 16;
    static final int PUT_FINISHED_AT = P + 24;
    static final int PUT_COST = P + 32;
    static final int PUT_RAW_LENGTH = P + 40;
    static final int PUT_KIND = P + 48;
    static final int PUT_CONTENT_FLAGS = P + 49;
    static final int PUT_HASH = P + 50;
    static final int PUT_DERIVED_COUNT = P + 82;
    static final int PUT_DERIVED = P + 86;

    static final int REL_FROM = P;
    static final int REL_TO = P + 8;
    static final int REL_AT = P + 16;
    static final int REL_KIND = P + 24;
    static final int REL_ACTOR = P + 25;

    static final int SCORE_ID = P;
    static final int SCORE_AT = P + 8;
    static final int SCORE_STRUCTURE = P + 16;
    static final int SCORE_SEMANTICS = P + 20;
    static final int SCORE_UTILITY = P + 24;
    static final int SCORE_ACTOR = P + 28;

    static final int ARCHIVE_ID = P;
    static final int ARCHIVE_AT = P + 8;
    static final int ARCHIVE_HASH = P + 16;
    static final int ARCHIVE_STORED_LENGTH = P + 48;
    static final int ARCHIVE_CODEC_FLAGS = P + 52;
    static final int ARCHIVE_ACTOR = P + 56;

    static final int PURGE_ID = P;
    static final int PURGE_AT = P + 8;
    static final int PURGE_ACTOR = P + 16;

    private LogRecords() {
    }

    /** Writes a string at {@code index}; returns the index after it. */
    static int putString(ExpandableArrayBuffer buffer, int index, String value) {
        return index + buffer.putStringUtf8(index, value, ORDER);
    }

    static String getString(UnsafeBuffer buffer, int index) {
        return buffer.getStringUtf8(index, ORDER);
    }

    /** Index after the string at {@code index}. */
    static int skipString(UnsafeBuffer buffer, int index) {
        return index + 4 + buffer.getInt(index, ORDER);
    }

    /** Offset (within the frame) of the first string of a PUT, i.e. after the derived ids. */
    static int putStringsOffset(UnsafeBuffer frame) {
        return PUT_DERIVED + 8 * frame.getInt(PUT_DERIVED_COUNT, ORDER);
    }

    /** Offset (within the frame) of a PUT's content section: after the five strings. */
    static int putContentSectionOffset(UnsafeBuffer frame) {
        int i = putStringsOffset(frame);
        for (int s = 0; s < 5; s++) {
            i = skipString(frame, i);
        }
        return i;
    }
}
