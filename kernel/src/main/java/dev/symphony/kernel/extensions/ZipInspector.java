package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the Unix file mode of each entry from a zip's central directory ({@code java.util.zip}
 * does not expose it), so the installer can tell symbolic links from files.
 */
final class ZipInspector {
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private ZipInspector() {
    }

    /** Entry names that are symbolic links. */
    static Map<String, Boolean> symlinks(Path zip) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 65_557);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(end, size - tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == END_OF_CENTRAL_DIRECTORY) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new IOException("not a zip archive (no end of central directory)");
            }
            long cdSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
            long cdOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
            if (cdOffset + cdSize > size) {
                throw new IOException("corrupt zip archive (central directory out of bounds)");
            }
            ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(cd, cdOffset);
            Map<String, Boolean> out = new HashMap<>();
            int p = 0;
            while (p + 46 <= cdSize && cd.getInt(p) == CENTRAL_HEADER) {
                int madeBy = cd.getShort(p + 4) >>> 8 & 0xff;
                int nameLen = cd.getShort(p + 28) & 0xffff;
                int extraLen = cd.getShort(p + 30) & 0xffff;
                int commentLen = cd.getShort(p + 32) & 0xffff;
                int mode = cd.getInt(p + 38) >>> 16;
                byte[] name = new byte[nameLen];
                cd.get(p + 46, name);
                out.put(new String(name, StandardCharsets.UTF_8), madeBy == 3 && (mode & S_IFMT) == S_IFLNK);
                p += 46 + nameLen + extraLen + commentLen;
            }
            return out;
        }
    }
}
