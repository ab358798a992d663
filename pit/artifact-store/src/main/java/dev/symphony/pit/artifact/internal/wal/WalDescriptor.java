package dev.symphony.pit.artifact.internal.wal;

import java.util.zip.CRC32C;

import org.agrona.BitUtil;

/**
 * Layout of one log frame (little-endian):
 *
 * <pre>
 *  0                 4                 8      9       12
 *  +-----------------+-----------------+------+-------+---------------------+
 *  | frame length    | CRC-32C         | type | 0 0 0 | payload ...         |
 *  +-----------------+-----------------+------+-------+---------------------+
 *   length includes the 12-byte header; the CRC covers bytes [0,4) and [8, length).
 * </pre>
 *
 * A frame is valid iff {@code HEADER_LENGTH <= length <= MAX_FRAME_LENGTH}, it fits in the file, and its CRC
 * matches. Replay stops at the first invalid frame: a torn write (a crash mid-append) can only damage the
 * tail, because frames are appended strictly in order and a segment is fsynced before the next one starts.
 */
public final class WalDescriptor {
    public static final int LENGTH_OFFSET = 0;
    public static final int CRC_OFFSET = 4;
    public static final int TYPE_OFFSET = 8;
    public static final int HEADER_LENGTH = 12;
    public static final int MAX_FRAME_LENGTH = 1 << 30;

    private WalDescriptor() {
    }

    /** Fills the header of a frame whose payload is already at {@code [HEADER_LENGTH, length)}. */
    public static void seal(byte[] frame, int length, int type) {
        seal(frame, 0, length, type);
    }

    /** As {@link #seal(byte[], int, int)} for a frame starting at {@code offset}. */
    public static void seal(byte[] bytes, int offset, int length, int type) {
        putIntLE(bytes, offset + LENGTH_OFFSET, length);
        bytes[offset + TYPE_OFFSET] = (byte) type;
        bytes[offset + TYPE_OFFSET + 1] = 0;
        bytes[offset + TYPE_OFFSET + 2] = 0;
        bytes[offset + TYPE_OFFSET + 3] = 0;
        putIntLE(bytes, offset + CRC_OFFSET, crc(bytes, offset, length));
    }

    /** The CRC a frame starting at {@code offset} with the given length must carry. */
    public static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset + LENGTH_OFFSET, BitUtil.SIZE_OF_INT);
        crc.update(bytes, offset + TYPE_OFFSET, length - TYPE_OFFSET);
        return (int) crc.getValue();
    }

    /** The frame length at {@code offset} if the frame is valid within {@code limit}, else -1. */
    public static int validFrameLength(byte[] bytes, int offset, int limit) {
        if (limit - offset < HEADER_LENGTH) {
            return -1;
        }
        int length = getIntLE(bytes, offset + LENGTH_OFFSET);
        if (length < HEADER_LENGTH || length > MAX_FRAME_LENGTH || length > limit - offset) {
            return -1;
        }
        return crc(bytes, offset, length) == getIntLE(bytes, offset + CRC_OFFSET) ? length : -1;
    }

    public static int type(byte[] bytes, int frameOffset) {
        return bytes[frameOffset + TYPE_OFFSET] & 0xFF;
    }

    static void putIntLE(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }

    static int getIntLE(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
