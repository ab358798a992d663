package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Streams an archive's entries, already passed by {@link ArchiveRules}, either into nothing (to
 * measure the real sizes before the user is asked) or into a fresh private folder. The size cap is
 * enforced on the bytes actually inflated, while they are read: a compression bomb stops at the cap.
 * Files are created new, without following links; folders one segment at a time, each checked to be
 * a real folder. {@code java.util.zip} must see exactly the entries the inspector saw.
 */
final class SafeUnpacker {
    private static final int BUFFER = 64 * 1024;

    private SafeUnpacker() {
    }

    /** Unpacks into {@code into} (an empty folder), or only measures when {@code into} is null; returns the bytes. */
    static long unpack(ZipFile zip, List<ZipInspector.Entry> inspected, Path into, ArchiveRules.Limits limits, String archive)
            throws IOException, InstallException {
        Map<String, ZipInspector.Entry> byName = new HashMap<>();
        inspected.forEach(e -> byName.put(e.name(), e));
        long total = 0;
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry z = entries.nextElement();
            ZipInspector.Entry e = byName.get(z.getName());
            if (e == null || ++count > inspected.size() || (e.type() == ZipInspector.Type.DIRECTORY) != z.isDirectory()) {
                throw ArchiveRules.refused(archive, "its entries are not the ones its central directory lists (" + z.getName() + ")");
            }
            Path target = into == null ? null : into.resolve(ArchiveRules.stripSlash(z.getName()));
            if (into != null) {
                makeFolders(into, z.isDirectory() ? target : target.getParent());
            }
            if (z.isDirectory()) {
                continue;
            }
            try (InputStream in = zip.getInputStream(z);
                 OutputStream out = into == null ? OutputStream.nullOutputStream()
                         : Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                total += copy(in, out, limits.maxUnpackedBytes() - total, archive, z.getName(), limits.maxUnpackedBytes());
            } catch (FileAlreadyExistsException x) {
                throw ArchiveRules.refused(archive, "entry " + z.getName() + " would overwrite another entry");
            }
        }
        if (count != inspected.size()) {
            throw ArchiveRules.refused(archive, "java.util.zip sees " + count + " entries, its central directory lists " + inspected.size());
        }
        return total;
    }

    /** Copies at most {@code budget} bytes; one byte more and the copy stops with a refusal. */
    static long copy(InputStream in, OutputStream out, long budget, String archive, String entry, long cap)
            throws IOException, InstallException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (true) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, budget - copied + 1)));
            if (n < 0) {
                return copied;
            }
            copied += n;
            if (copied > budget) {
                throw ArchiveRules.refused(archive, "it unpacks to more than " + ArchiveRules.megabytes(cap)
                        + " (stopped inside " + entry + ")");
            }
            out.write(buffer, 0, n);
        }
    }

    private static void makeFolders(Path root, Path folder) throws IOException, InstallException {
        Path p = root;
        for (Path segment : root.relativize(folder)) {
            p = p.resolve(segment);
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new InstallException(2, "cannot unpack: " + p + " is not a folder");
                }
                Files.createDirectory(p);
            }
        }
    }
}
