package dev.symphony.kernel.marketplace;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestException;
import dev.symphony.contract.manifest.ManifestReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An archive is what its index lists it as: the extension id, version and permissions of its own manifest are the
 * listing's. The size and SHA-256 tie the bytes to the index, but an index can still name one extension and serve
 * another one's signed archive (its signer and the archive's publisher may be different people): the user who asked
 * for {@code dev.good.tool}, or an update of it, would be shown and given something else, and a search would have
 * shown permissions the archive does not ask for. The installer checks the archive in full afterwards; this reads only
 * the manifest (at most {@link #MAX_MANIFEST_BYTES}).
 */
final class ListedArchive {
    static final int MAX_MANIFEST_BYTES = 1 << 20;

    private ListedArchive() {
    }

    /** The manifest at the root of {@code zip}; {@code where} names the archive in messages. */
    static ExtensionManifest manifest(ZipFile zip, String where) throws IOException, IndexException {
        ZipEntry entry = zip.getEntry(ManifestReader.FILE_NAME);
        if (entry == null || entry.isDirectory()) {
            throw new IndexException(where + " has no " + ManifestReader.FILE_NAME);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw new IndexException(where + "!/" + ManifestReader.FILE_NAME + " is larger than " + (MAX_MANIFEST_BYTES >> 20) + " MB");
            }
            return ManifestReader.read(bytes, where + "!/" + ManifestReader.FILE_NAME);
        } catch (ManifestException e) {
            throw new IndexException(e.getMessage());
        }
    }

    /** Throws, deleting the downloaded {@code archive}, unless its manifest is {@code listed}'s {@code release}. */
    static void check(Path archive, ExtensionIndex.Extension listed, ExtensionIndex.Release release, String index) throws IndexException {
        String where = release.archive() + " from " + index;
        try {
            ExtensionManifest m;
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                m = manifest(zip, where);
            }
            String problem = !m.id().equals(listed.id()) || !m.version().equals(release.version())
                    ? "is " + m.id() + " " + m.version() + " (its manifest) but the index lists it as " + listed.id() + " " + release.version()
                    : !m.raw().path("permissions").equals(release.permissions())
                    ? "asks for other permissions (its manifest) than the index lists for " + listed.id() + " " + release.version()
                    : null;
            if (problem != null) {
                throw new IndexException(where + " " + problem + "; the index is wrong or lies, nothing installed");
            }
        } catch (IOException e) {
            deleteQuietly(archive);
            throw new IndexException(where + " is not a readable zip archive: " + e.getMessage());
        } catch (IndexException e) {
            deleteQuietly(archive);
            throw e;
        }
    }

    private static void deleteQuietly(Path archive) {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException ignored) {
            // a leftover in the download cache is replaced by the next download of that name
        }
    }
}
