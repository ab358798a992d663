package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestException;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.contract.manifest.Version;
import dev.symphony.contract.manifest.VersionRange;
import dev.symphony.ipc.api.BusPaths;
import dev.symphony.kernel.signing.ArchiveSignature;
import dev.symphony.kernel.signing.SignatureException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Installs a PF4J zip archive in two steps, treating every entry as hostile. {@link #prepare} copies
 * the archive into a private staging folder (mode 0700, beside the extensions so the final move is
 * atomic) while checking its digest, refuses it on its central directory ({@link ZipInspector},
 * {@link ArchiveRules}: links, devices, absolute or non-canonical names, duplicates and case
 * collisions, caps), inflates every entry into nothing to measure its real size (a bomb stops at
 * the cap), validates the manifest and checks the signature, if any, against every entry's bytes
 * ({@link ArchiveSignature}: a broken signature is always refused; whether an unsigned or untrusted
 * archive may go on is the caller's {@link dev.symphony.kernel.signing.SignaturePolicy}); nothing is unpacked and no plugin code is loaded. Only
 * {@link #commit}, called once the user approved the permissions, unpacks ({@link SafeUnpacker})
 * and moves the folder into place. A refused or aborted install leaves no trace.
 */
public final class ArchiveInstaller {
    private static final String ARCHIVE_COPY = "archive.zip";
    private final ExtensionStore store;
    private final ArchiveRules.Limits limits;

    /** A checked archive waiting for approval; {@code staging} is private and holds only the archive's copy. */
    public record Prepared(ExtensionManifest manifest, Path staging, List<ZipInspector.Entry> entries, Path createdFrom,
                           Optional<ArchiveSignature.Verified> signature) {
    }

    public ArchiveInstaller(ExtensionStore store) {
        this(store, ArchiveRules.Limits.DEFAULT);
    }

    ArchiveInstaller(ExtensionStore store, ArchiveRules.Limits limits) {
        this.store = store;
        this.limits = limits;
    }

    public Prepared prepare(Path archive, String expectedSha256) throws InstallException {
        if (!Files.isRegularFile(archive)) {
            throw new InstallException(2, "no such archive: " + archive);
        }
        String expected = expectedSha256;
        Path sidecar = archive.resolveSibling(archive.getFileName() + ".sha256");
        Path createdStore = firstMissing(store.dir());
        Path staging = null;
        try {
            if (expected == null && Files.isRegularFile(sidecar)) {
                expected = Files.readString(sidecar, StandardCharsets.UTF_8).trim().split("\\s+")[0];
            }
            Files.createDirectories(store.dir());
            staging = privateFolder(store.dir().resolve(".staging-" + UUID.randomUUID()));
            Path copy = staging.resolve(ARCHIVE_COPY);
            String actual = copyAndDigest(archive, copy);
            if (expected != null && !actual.equalsIgnoreCase(expected)) {
                throw new InstallException(2, "SHA-256 of " + archive + " is " + actual + " but "
                        + (expectedSha256 != null ? "--sha256 says " : sidecar + " says ") + expected.toLowerCase(Locale.ROOT));
            }
            List<ZipInspector.Entry> entries;
            try {
                entries = ZipInspector.entries(copy);
            } catch (IOException e) {
                throw ArchiveRules.refused(archive.toString(), e.getMessage());
            }
            ArchiveRules.check(archive.toString(), entries, limits);
            ExtensionManifest m;
            Optional<ArchiveSignature.Verified> signature;
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                SafeUnpacker.unpack(zip, entries, null, limits, archive.toString());
                m = manifest(zip, archive);
                signature = ArchiveSignature.verify(zip, archive.toString());
            } catch (SignatureException e) {
                throw new InstallException(2, "refusing " + e.getMessage());
            }
            if (!VersionRange.parse(m.engine()).contains(Version.parse(KernelContext.ENGINE_VERSION))) {
                throw new InstallException(2, m.id() + " needs engine " + m.engine() + " but this is " + KernelContext.ENGINE_VERSION);
            }
            return new Prepared(m, staging, entries, createdStore, signature);
        } catch (InstallException | RuntimeException e) {
            clean(staging, createdStore);
            throw e;
        } catch (ManifestException e) {
            clean(staging, createdStore);
            throw new InstallException(2, e.getMessage());
        } catch (IOException e) {
            clean(staging, createdStore);
            throw new InstallException(1, "cannot read " + archive + ": " + e.getMessage());
        }
    }

    private ExtensionManifest manifest(ZipFile zip, Path archive) throws IOException, InstallException, ManifestException {
        ZipEntry entry = zip.getEntry(ManifestReader.FILE_NAME);
        if (entry == null || entry.isDirectory()) {
            throw new InstallException(2, archive + " has no " + ManifestReader.FILE_NAME + " at its root");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = zip.getInputStream(entry)) {
            SafeUnpacker.copy(in, bytes, limits.maxManifestBytes(), archive.toString(), ManifestReader.FILE_NAME, limits.maxManifestBytes());
        }
        return ManifestReader.read(bytes.toByteArray(), archive + "!/" + ManifestReader.FILE_NAME);
    }

    private static String copyAndDigest(Path archive, Path copy) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(archive), MessageDigest.getInstance("SHA-256"))) {
            Files.copy(in, copy);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new folder only this user can enter (where the disk has POSIX modes). */
    static Path privateFolder(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectory(dir);
    }

    /** The outermost folder of {@code dir} that does not exist yet (null: it exists), so a refusal can remove what it made. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    private void clean(Path staging, Path createdFrom) {
        if (staging != null) {
            BusPaths.deleteRecursively(staging);
        }
        if (createdFrom != null) {
            for (Path p = store.dir().toAbsolutePath(); p.startsWith(createdFrom); p = p.getParent()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException notEmpty) {
                    return; // something else (another install, the kernel) uses it now
                }
            }
        }
    }

    /** Moves the prepared extension into place (replacing an older version) and records the approval. */
    public Path commit(Prepared prepared) throws IOException, InstallException {
        Path unpacked = prepared.staging().resolve("unpacked");
        try {
            Files.createDirectory(unpacked);
            try (ZipFile zip = new ZipFile(prepared.staging().resolve(ARCHIVE_COPY).toFile())) {
                SafeUnpacker.unpack(zip, prepared.entries(), unpacked, limits, prepared.manifest().id());
            }
            Path target = store.folderOf(prepared.manifest().id());
            Path old = store.dir().resolve(".old-" + UUID.randomUUID());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            BusPaths.deleteRecursively(old);
            store.approve(prepared.manifest());
            return target;
        } finally {
            BusPaths.deleteRecursively(prepared.staging());
        }
    }

    public void abort(Prepared prepared) {
        clean(prepared.staging(), prepared.createdFrom());
    }

    /** SHA-256 of a file, 64 lower-case hexadecimal digits. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
