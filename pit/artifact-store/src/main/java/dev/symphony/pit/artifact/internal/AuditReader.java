package dev.symphony.pit.artifact.internal;

import static dev.symphony.pit.artifact.internal.LogRecords.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import dev.symphony.pit.artifact.api.AuditAction;
import dev.symphony.pit.artifact.api.AuditEntry;
import dev.symphony.pit.artifact.api.RelationKind;
import dev.symphony.pit.artifact.internal.index.ContentTable;
import dev.symphony.pit.artifact.internal.wal.WalDescriptor;
import dev.symphony.pit.artifact.internal.wal.WalLog;

/**
 * Reads one artifact's audit trail out of the log. The log is append-only (compaction drops only content
 * bytes), so it is the audit trail; this is a scan, meant for people and reports, not hot paths.
 */
final class AuditReader {
    private final ContentTable contents;
    private final long id;
    private final int slot;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final List<AuditEntry> entries = new ArrayList<>();

    AuditReader(ContentTable contents, long id, int contentSlot) {
        this.contents = contents;
        this.id = id;
        this.slot = contentSlot;
    }

    List<AuditEntry> read(WalLog wal) {
        wal.scan((segment, fileOffset, bytes, offset, length) -> {
            view.wrap(bytes, offset, length);
            switch (WalDescriptor.type(bytes, offset)) {
                case PUT -> onPut(bytes, offset);
                case RELATE -> onRelate();
                case SCORE -> {
                    if (view.getLong(SCORE_ID, ORDER) == id) {
                        entries.add(new AuditEntry(view.getLong(SCORE_AT, ORDER), AuditAction.SCORE, id,
                                getString(view, SCORE_ACTOR), "structure=" + view.getFloat(SCORE_STRUCTURE, ORDER)
                                + " semantics=" + view.getFloat(SCORE_SEMANTICS, ORDER)
                                + " utility=" + view.getFloat(SCORE_UTILITY, ORDER)));
                    }
                }
                case ARCHIVE -> {
                    if (sameContent(bytes, offset + ARCHIVE_HASH)) {
                        long requester = view.getLong(ARCHIVE_ID, ORDER);
                        entries.add(new AuditEntry(view.getLong(ARCHIVE_AT, ORDER), AuditAction.ARCHIVE, id,
                                getString(view, ARCHIVE_ACTOR), requester == id ? "content archived"
                                : "shared content archived with artifact " + requester));
                    }
                }
                case PURGE -> {
                    if (view.getLong(PURGE_ID, ORDER) == id) {
                        String actor = getString(view, PURGE_ACTOR);
                        entries.add(new AuditEntry(view.getLong(PURGE_AT, ORDER), AuditAction.PURGE, id, actor,
                                getString(view, skipString(view, PURGE_ACTOR))));
                    }
                }
                default -> { }
            }
        });
        return entries;
    }

    private void onPut(byte[] bytes, int offset) {
        if (view.getLong(PUT_ID, ORDER) != id) {
            return;
        }
        int i = putStringsOffset(view);
        String name = getString(view, i);
        i = skipString(view, skipString(view, i));
        String producer = getString(view, i);
        long[] derived = new long[view.getInt(PUT_DERIVED_COUNT, ORDER)];
        for (int d = 0; d < derived.length; d++) {
            derived[d] = view.getLong(PUT_DERIVED + 8 * d, ORDER);
        }
        entries.add(new AuditEntry(view.getLong(PUT_COMMITTED_AT, ORDER), AuditAction.PUT, id, producer,
                name + " sha256=" + HexFormat.of().formatHex(bytes, offset + PUT_HASH, offset + PUT_HASH + 32)
                        + " size=" + view.getLong(PUT_RAW_LENGTH, ORDER)
                        + (derived.length == 0 ? "" : " derivedFrom=" + Arrays.toString(derived))));
    }

    private void onRelate() {
        long from = view.getLong(REL_FROM, ORDER);
        long to = view.getLong(REL_TO, ORDER);
        if (from == id || to == id) {
            RelationKind kind = RelationKind.of(view.getByte(REL_KIND));
            entries.add(new AuditEntry(view.getLong(REL_AT, ORDER), AuditAction.RELATE, id,
                    getString(view, REL_ACTOR), from + " " + kind + " " + to));
        }
    }

    private boolean sameContent(byte[] bytes, int hashOffset) {
        int h = contents.hashOffset(slot);
        return Arrays.equals(bytes, hashOffset, hashOffset + 32, contents.hashes(), h, h + 32);
    }
}
