package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory itself ({@code java.util.zip} does not expose an entry's Unix file
 * type), so the installer can refuse links, devices, pipes and sockets. Strict: the entry count must
 * match the end record, every header must be where the previous one says, names must be valid UTF-8;
 * zip64 archives are refused (an extension has no need for them).
 */
final class ZipInspector {
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    /** What an entry says it is. Anything but a file or a folder is refused by the installer. */
    enum Type { FILE, DIRECTORY, SYMBOLIC_LINK, SPECIAL }

    /** One central-directory record: its name, type, declared uncompressed and compressed sizes. */
    record Entry(String name, Type type, long declaredSize, long compressedSize) {
    }

    private ZipInspector() {
    }

    static List<Entry> entries(Path zip) throws IOException {
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
            int total = end.getShort(eocd + 10) & 0xffff;
            long cdSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
            long cdOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
            if (total == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
                throw new IOException("zip64 archives are not accepted");
            }
            if (cdOffset + cdSize > size || cdSize > Integer.MAX_VALUE) {
                throw new IOException("corrupt zip archive (central directory out of bounds)");
            }
            ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(cd, cdOffset);
            var utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            List<Entry> out = new ArrayList<>(total);
            int p = 0;
            for (int n = 0; n < total; n++) {
                if (p + 46 > cdSize || cd.getInt(p) != CENTRAL_HEADER) {
                    throw new IOException("corrupt zip archive (central directory record " + (n + 1) + " of " + total + " missing)");
                }
                long compressed = Integer.toUnsignedLong(cd.getInt(p + 20));
                long declared = Integer.toUnsignedLong(cd.getInt(p + 24));
                int nameLen = cd.getShort(p + 28) & 0xffff;
                int extraLen = cd.getShort(p + 30) & 0xffff;
                int commentLen = cd.getShort(p + 32) & 0xffff;
                int external = cd.getInt(p + 38);
                if (p + 46L + nameLen + extraLen + commentLen > cdSize) {
                    throw new IOException("corrupt zip archive (central directory record " + (n + 1) + " runs past its end)");
                }
                byte[] raw = new byte[nameLen];
                cd.get(p + 46, raw);
                String name;
                try {
                    name = utf8.decode(ByteBuffer.wrap(raw)).toString();
                } catch (CharacterCodingException e) {
                    throw new IOException("entry " + (n + 1) + " has a name that is not valid UTF-8");
                }
                out.add(new Entry(name, type(external, name), declared, compressed));
                p += 46 + nameLen + extraLen + commentLen;
            }
            return out;
        }
    }

    /**
     * The type from the Unix mode in the high half of the external attributes. Every host system is
     * read this way (a hostile archive can claim to come from DOS and still carry a link mode that a
     * Unix unzip would honour); a mode of 0 means "not given".
     */
    private static Type type(int external, String name) {
        int mode = external >>> 16;
        int fmt = mode & S_IFMT;
        if (fmt == S_IFLNK) {
            return Type.SYMBOLIC_LINK;
        }
        if (fmt != 0 && fmt != S_IFREG && fmt != S_IFDIR) {
            return Type.SPECIAL;
        }
        boolean folderName = name.endsWith("/");
        if (fmt == S_IFDIR && !folderName || fmt == S_IFREG && folderName) {
            return Type.SPECIAL; // the mode and the name disagree about what this is
        }
        return folderName ? Type.DIRECTORY : Type.FILE;
    }
}
