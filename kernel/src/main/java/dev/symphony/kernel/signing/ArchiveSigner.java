package dev.symphony.kernel.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code symphony ext sign ARCHIVE --key FILE}: rewrites the archive with every entry as it was (an
 * earlier signature dropped) and {@link ArchiveSignature#ENTRY} last, then moves it over the original
 * atomically, so a failure leaves the original untouched.
 */
public final class ArchiveSigner {
    private ArchiveSigner() {
    }

    /** Signs {@code archive} in place; returns how many entries the signature covers. */
    public static int sign(Path archive, PublisherKey key) throws IOException {
        Path folder = archive.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, "." + archive.getFileName() + ".", ".signing");
        try {
            List<ArchiveSignature.Signed> signed;
            try (ZipFile zip = new ZipFile(archive.toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry e = all.nextElement();
                    if (e.getName().equals(ArchiveSignature.ENTRY)) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    if (!e.isDirectory()) {
                        try (InputStream in = zip.getInputStream(e)) {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
                signed = new ArrayList<>(ArchiveSignature.digest(zip).values());
                ZipEntry sig = new ZipEntry(ArchiveSignature.ENTRY);
                sig.setTime(PACKED_TIME);
                out.putNextEntry(sig);
                out.write(ArchiveSignature.document(key, signed));
                out.closeEntry();
            }
            Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return signed.size();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** 1 January 2000, the time stamp of entries Symphony writes, so packing twice gives the same bytes. */
    public static final long PACKED_TIME = 946_684_800_000L;
}
