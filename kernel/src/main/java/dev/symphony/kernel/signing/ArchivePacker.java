package dev.symphony.kernel.signing;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestException;
import dev.symphony.contract.manifest.ManifestReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code symphony ext pack DIR}: a folder in the installable layout ({@code symphony-extension.json} at
 * its root, {@code classes/}, {@code lib/}) into a zip whose bytes depend only on the files (entries in
 * name order, one fixed time stamp). The manifest is validated first; links and special files are
 * refused rather than followed, as the installer would refuse them.
 */
public final class ArchivePacker {
    private ArchivePacker() {
    }

    /** The packed extension's manifest and where the archive went. */
    public record Packed(ExtensionManifest manifest, Path archive, int entries) {
    }

    /** Packs {@code dir} into {@code out} (null: {@code ID-VERSION.zip} beside {@code dir}). */
    public static Packed pack(Path dir, Path out) throws IOException, ManifestException {
        Path manifestFile = dir.resolve(ManifestReader.FILE_NAME);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " has no " + ManifestReader.FILE_NAME + " at its root");
        }
        ExtensionManifest m = ManifestReader.read(Files.readAllBytes(manifestFile), manifestFile.toString());
        Path target = out != null ? out : dir.toAbsolutePath().resolveSibling(m.id() + "-" + m.version() + ".zip");
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir)).forEach(paths::add);
        }
        List<String> names = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isSymbolicLink(p) || !(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
                throw new IOException(p + " is a link or a special file; an archive holds only plain files and folders");
            }
            String name = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
            names.add(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
        }
        names.sort(null);
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".packing");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                for (String name : names) {
                    ZipEntry e = new ZipEntry(name);
                    e.setTime(ArchiveSigner.PACKED_TIME);
                    zip.putNextEntry(e);
                    if (!name.endsWith("/")) {
                        Files.copy(dir.resolve(name), zip);
                    }
                    zip.closeEntry();
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Packed(m, target, names.size());
    }
}
