package dev.symphony.pit.artifact.internal;

import static dev.symphony.pit.artifact.internal.LogRecords.*;

import java.io.IOException;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import dev.symphony.pit.artifact.api.ArtifactStoreException;
import dev.symphony.pit.artifact.internal.wal.WalDescriptor;
import dev.symphony.pit.artifact.internal.wal.WalLog;

/**
 * Reclaims the bytes of archived and purged content from sealed segments. Each PUT whose content is no
 * longer live at that position is rewritten without its content section (same ids, timestamps, hash and
 * provenance: the audit trail is unchanged); every other frame is copied as is, in the same order, so a
 * replay of the compacted log yields the same state. The segment is replaced atomically.
 */
final class Compactor {
    private final WalLog wal;
    private final StoreState state;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final ExpandableArrayBuffer out = new ExpandableArrayBuffer(1 << 16);
    private final LongArrayList relocations = new LongArrayList();
    private int outLength;

    Compactor(WalLog wal, StoreState state) {
        this.wal = wal;
        this.state = state;
    }

    long compact() {
        long freed = 0;
        try {
            for (int segment : wal.sealedSegments()) {
                if (state.deadBytes(segment) > 0) {
                    freed += compact(segment);
                }
            }
        } catch (IOException e) {
            throw new ArtifactStoreException("compacting the artifact log failed (the log is unchanged): "
                    + e.getMessage(), e);
        }
        return freed;
    }

    private long compact(int segment) throws IOException {
        long before = wal.segmentSize(segment);
        outLength = 0;
        relocations.clear();
        wal.scanSegment(segment, (seg, fileOffset, bytes, offset, length) -> copy(seg, fileOffset, bytes, offset, length));
        wal.replaceSealed(segment, out.byteArray(), outLength);
        for (int i = 0; i < relocations.size(); i += 2) {
            state.contents.relocate((int) relocations.getLong(i), relocations.getLong(i + 1));
        }
        state.clearDead(segment);
        return before - outLength;
    }

    private void copy(int segment, long fileOffset, byte[] bytes, int offset, int length) {
        int start = outLength;
        if (WalDescriptor.type(bytes, offset) == PUT && (bytes[offset + PUT_CONTENT_FLAGS] & HAS_CONTENT) != 0) {
            view.wrap(bytes, offset, length);
            int section = putContentSectionOffset(view);
            int slot = state.contents.find(bytes, offset + PUT_HASH);
            if (slot >= 0 && state.contents.isLocalAt(slot, segment, fileOffset + section + 4)) {
                out.putBytes(start, bytes, offset, length);
                outLength += length;
                relocations.addLong(slot);
                relocations.addLong(start + section + 4);
            } else {
                out.putBytes(start, bytes, offset, section);
                byte[] array = out.byteArray();
                array[start + PUT_CONTENT_FLAGS] = (byte) (array[start + PUT_CONTENT_FLAGS] & ~(HAS_CONTENT | 0x0F));
                WalDescriptor.seal(array, start, section, PUT);
                outLength += section;
            }
            return;
        }
        out.putBytes(start, bytes, offset, length);
        outLength += length;
    }
}
