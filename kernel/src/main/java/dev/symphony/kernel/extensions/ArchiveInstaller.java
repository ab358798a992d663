package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestException;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.contract.manifest.Version;
import dev.symphony.contract.manifest.VersionRange;
import dev.symphony.ipc.api.BusPaths;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Installs a PF4J zip archive in two steps: {@link #prepare} checks the digest, unpacks into a
 * staging folder refusing absolute paths, path traversal and symbolic links that leave the
 * extension folder, and validates the manifest (no plugin code is loaded); {@link #commit} moves it
 * into place once the permissions are approved.
 */
public final class ArchiveInstaller {
    static final long MAX_UNPACKED_BYTES = 512L << 20;
    static final int MAX_ENTRIES = 20_000;
    private final ExtensionStore store;

    public record Prepared(ExtensionManifest manifest, Path staging) {
    }

    public ArchiveInstaller(ExtensionStore store) {
        this.store = store;
    }

    public Prepared prepare(Path archive, String expectedSha256) throws InstallException {
        if (!Files.isRegularFile(archive)) {
            throw new InstallException(2, "no such archive: " + archive);
        }
        String expected = expectedSha256;
        Path sidecar = archive.resolveSibling(archive.getFileName() + ".sha256");
        try {
            if (expected == null && Files.isRegularFile(sidecar)) {
                expected = Files.readString(sidecar, StandardCharsets.UTF_8).trim().split("\\s+")[0];
            }
            if (expected != null) {
                String actual = sha256(archive);
                if (!actual.equalsIgnoreCase(expected)) {
                    throw new InstallException(2, "SHA-256 of " + archive + " is " + actual + " but "
                            + (expectedSha256 != null ? "--sha256 says " : sidecar + " says ") + expected.toLowerCase(Locale.ROOT));
                }
            }
            Path staging = store.dir().resolve(".staging-" + UUID.randomUUID());
            Files.createDirectories(staging);
            try {
                unpack(archive, staging);
                Path manifestFile = staging.resolve(ManifestReader.FILE_NAME);
                if (!Files.isRegularFile(manifestFile)) {
                    throw new InstallException(2, archive + " has no " + ManifestReader.FILE_NAME + " at its root");
                }
                ExtensionManifest m = ManifestReader.read(Files.readAllBytes(manifestFile), archive + "!/" + ManifestReader.FILE_NAME);
                if (!VersionRange.parse(m.engine()).contains(Version.parse(KernelContext.ENGINE_VERSION))) {
                    throw new InstallException(2, m.id() + " needs engine " + m.engine() + " but this is " + KernelContext.ENGINE_VERSION);
                }
                return new Prepared(m, staging);
            } catch (InstallException | RuntimeException e) {
                BusPaths.deleteRecursively(staging);
                throw e;
            } catch (ManifestException e) {
                BusPaths.deleteRecursively(staging);
                throw new InstallException(2, e.getMessage());
            }
        } catch (IOException e) {
            throw new InstallException(1, "cannot read " + archive + ": " + e.getMessage());
        }
    }

    private static void unpack(Path archive, Path staging) throws IOException, InstallException {
        Map<String, Boolean> symlinks = ZipInspector.symlinks(archive);
        long total = 0;
        int count = 0;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (++count > MAX_ENTRIES) {
                    throw new InstallException(2, archive + " has more than " + MAX_ENTRIES + " entries");
                }
                if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
                    throw new InstallException(2, "refusing " + archive + ": absolute path in archive: " + name);
                }
                Path target = staging.resolve(name).normalize();
                if (!target.startsWith(staging) || name.contains("\\")) {
                    throw new InstallException(2, "refusing " + archive + ": entry escapes the extension folder: " + name);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (symlinks.getOrDefault(name, false)) {
                    String link = new String(zip.getInputStream(e).readNBytes(4096), StandardCharsets.UTF_8);
                    Path resolved = target.getParent().resolve(link).normalize();
                    if (Path.of(link).isAbsolute() || !resolved.startsWith(staging)) {
                        throw new InstallException(2, "refusing " + archive + ": symbolic link " + name + " -> " + link
                                + " points outside the extension folder");
                    }
                    Files.createSymbolicLink(target, Path.of(link));
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    total += Files.copy(in, target);
                }
                if (total > MAX_UNPACKED_BYTES) {
                    throw new InstallException(2, archive + " unpacks to more than " + (MAX_UNPACKED_BYTES >> 20) + " MB");
                }
            }
        }
    }

    /** Moves the prepared extension into place (replacing an older version) and records the approval. */
    public Path commit(Prepared prepared) throws IOException {
        Path target = store.folderOf(prepared.manifest().id());
        Path old = store.dir().resolve(".old-" + UUID.randomUUID());
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(prepared.staging(), target, StandardCopyOption.ATOMIC_MOVE);
        BusPaths.deleteRecursively(old);
        store.approve(prepared.manifest());
        return target;
    }

    public void abort(Prepared prepared) {
        BusPaths.deleteRecursively(prepared.staging());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
