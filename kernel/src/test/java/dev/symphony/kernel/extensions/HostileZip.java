package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the archives an attacker would: entries in a chosen order, with any Unix mode (links,
 * devices), names {@link ZipOutputStream} would refuse (written under a stand-in and patched in the
 * bytes afterwards), and central-directory sizes that lie.
 */
public final class HostileZip {
    public static final int LINK = 0120777;
    public static final int CHAR_DEVICE = 0020644;
    public static final int FIFO = 0010644;

    private record Item(String name, byte[] data, int mode, String realName, long declaredSize) {
    }

    private final List<Item> items = new ArrayList<>();

    public HostileZip file(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8), 0100644, null, -1);
    }

    public HostileZip file(String name, byte[] data) {
        return add(name, data, 0100644, null, -1);
    }

    public HostileZip link(String name, String target) {
        return add(name, target.getBytes(StandardCharsets.UTF_8), LINK, null, -1);
    }

    public HostileZip special(String name, int mode) {
        return add(name, new byte[0], mode, null, -1);
    }

    /** A file whose central-directory record claims {@code declaredSize} bytes. */
    public HostileZip lyingFile(String name, byte[] data, long declaredSize) {
        return add(name, data, 0100644, null, declaredSize);
    }

    /** An entry stored as {@code standIn} (same length as {@code realName}) and renamed in the bytes. */
    public HostileZip renamed(String standIn, String realName, String text) {
        if (standIn.length() != realName.length()) {
            throw new IllegalArgumentException("a stand-in name must have the real name's length");
        }
        return add(standIn, text.getBytes(StandardCharsets.UTF_8), 0100644, realName, -1);
    }

    private HostileZip add(String name, byte[] data, int mode, String realName, long declared) {
        items.add(new Item(name, data, mode, realName, declared));
        return this;
    }

    public Path write(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Item i : items) {
                out.putNextEntry(new ZipEntry(i.name()));
                out.write(i.data());
                out.closeEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < bytes.length; i++) {
            boolean central = b.getInt(i) == 0x02014b50;
            boolean local = b.getInt(i) == 0x04034b50;
            if (!central && !local) {
                continue;
            }
            int nameAt = i + (central ? 46 : 30);
            int nameLen = b.getShort(i + (central ? 28 : 26)) & 0xffff;
            String entry = new String(bytes, nameAt, nameLen, StandardCharsets.UTF_8);
            for (Item item : items) {
                if (!item.name().equals(entry)) {
                    continue;
                }
                if (central) {
                    b.putShort(i + 4, (short) (3 << 8 | 30)); // made by Unix
                    b.putInt(i + 38, item.mode() << 16);
                    if (item.declaredSize() >= 0) {
                        b.putInt(i + 24, (int) item.declaredSize());
                    }
                }
                if (item.realName() != null) {
                    byte[] real = item.realName().getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(real, 0, bytes, nameAt, real.length);
                }
                break;
            }
        }
        Files.write(zip, bytes);
        return zip;
    }
}
