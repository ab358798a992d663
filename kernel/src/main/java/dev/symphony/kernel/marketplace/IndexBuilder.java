package dev.symphony.kernel.marketplace;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.Version;
import dev.symphony.kernel.extensions.ArchiveInstaller;
import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.kernel.signing.ArchiveSignature;
import dev.symphony.kernel.signing.DetachedSignature;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignatureException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * {@code symphony index build DIR --key FILE}: every signed archive in DIR becomes a release in {@code DIR/index.json}
 * (id, name, publisher, description, categories, capabilities; per version the archive's file name, size, SHA-256,
 * engine range and permissions, read from its manifest), signed into {@code DIR/index.json.sig}. The folder can then
 * be served as it is, by any static web server. Signed Melody packages ({@link MelodyPackage}) in DIR become the
 * index's Melodies. Unsigned or tampered archives are refused, naming the file.
 */
public final class IndexBuilder {
    public static final String INDEX = "index.json";
    public static final String SIGNATURE = "index.json.sig";

    private IndexBuilder() {
    }

    private static void checkFileName(Path archive) throws IndexException {
        if (!archive.getFileName().toString().matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,199}\\.zip")) {
            throw new IndexException(archive + ": an indexed archive's file name may hold only letters, digits and . _ + -");
        }
    }

    /** Per Melody id its releases, oldest first, described by the newest one's package. */
    private static List<MelodyListing> listings(Map<String, List<MelodyPackage.Meta>> byId,
                                                Map<MelodyPackage.Meta, MelodyListing.Release> releases) throws IndexException {
        List<MelodyListing> out = new ArrayList<>();
        for (var e : byId.entrySet()) {
            List<MelodyPackage.Meta> versions = new ArrayList<>(e.getValue());
            versions.sort(Comparator.comparing(m -> Version.parse(m.version())));
            for (int i = 1; i < versions.size(); i++) {
                if (versions.get(i).version().equals(versions.get(i - 1).version())) {
                    throw new IndexException("Melody " + e.getKey() + " " + versions.get(i).version() + " is in two packages: "
                            + releases.get(versions.get(i - 1)).archive() + " and " + releases.get(versions.get(i)).archive());
                }
            }
            MelodyPackage.Meta newest = versions.get(versions.size() - 1);
            out.add(new MelodyListing(newest.id(), newest.displayName(), newest.publisher(), newest.description(),
                    newest.categories(), versions.stream().map(releases::get).toList()));
        }
        return out;
    }

    /** Builds and signs the index; returns it. */
    public static ExtensionIndex build(Path dir, PublisherKey key) throws IOException, IndexException {
        Map<String, List<ExtensionManifest>> byId = new TreeMap<>();
        Map<ExtensionManifest, ExtensionIndex.Release> releases = new java.util.HashMap<>();
        List<Path> archives;
        try (Stream<Path> s = Files.list(dir)) {
            archives = s.filter(p -> p.getFileName().toString().endsWith(".zip") && Files.isRegularFile(p)).sorted().toList();
        }
        Map<String, List<MelodyPackage.Meta>> melodies = new TreeMap<>();
        Map<MelodyPackage.Meta, MelodyListing.Release> melodyReleases = new java.util.IdentityHashMap<>();
        for (Path archive : archives) {
            ExtensionManifest m;
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                if (MelodyPackage.isPackage(zip)) {
                    MelodyPackage.Meta meta = MelodyPackage.readMeta(zip, archive.toString());
                    checkFileName(archive);
                    melodies.computeIfAbsent(meta.id(), k -> new ArrayList<>()).add(meta);
                    melodyReleases.put(meta, new MelodyListing.Release(meta.version(), archive.getFileName().toString(),
                            Files.size(archive), ArchiveInstaller.sha256(archive), meta.requires()));
                    continue;
                }
                if (ArchiveSignature.verify(zip, archive.getFileName().toString()).isEmpty()) {
                    throw new IndexException(archive + " is not signed: `symphony ext sign " + archive + " --key FILE` first");
                }
                m = ListedArchive.manifest(zip, archive.toString());
            } catch (SignatureException e) {
                throw new IndexException(e.getMessage());
            }
            checkFileName(archive);
            byId.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m);
            releases.put(m, new ExtensionIndex.Release(m.version(), archive.getFileName().toString(), Files.size(archive), ArchiveInstaller.sha256(archive),
                    m.engine(), m.raw().path("permissions")));
        }
        List<ExtensionIndex.Extension> extensions = new ArrayList<>();
        for (var e : byId.entrySet()) {
            List<ExtensionManifest> versions = new ArrayList<>(e.getValue());
            versions.sort(Comparator.comparing(m -> Version.parse(m.version())));
            for (int i = 1; i < versions.size(); i++) {
                if (versions.get(i).version().equals(versions.get(i - 1).version())) {
                    throw new IndexException(e.getKey() + " " + versions.get(i).version() + " is in two archives: "
                            + releases.get(versions.get(i - 1)).archive() + " and " + releases.get(versions.get(i)).archive());
                }
            }
            ExtensionManifest newest = versions.get(versions.size() - 1);
            List<String> categories = new ArrayList<>();
            newest.raw().path("categories").forEach(c -> categories.add(c.asText()));
            extensions.add(new ExtensionIndex.Extension(newest.id(), newest.displayName() == null ? newest.id() : newest.displayName(),
                    newest.publisher(), newest.description() == null ? "" : newest.description(), categories,
                    newest.capabilities().stream().map(ExtensionManifest.Capability::name).toList(),
                    versions.stream().map(releases::get).toList()));
        }
        byte[] index = ExtensionIndex.write(extensions, listings(melodies, melodyReleases));
        AtomicFiles.write(dir.resolve(INDEX), index);
        AtomicFiles.write(dir.resolve(SIGNATURE), DetachedSignature.sign(key, index));
        return ExtensionIndex.parse(index, dir.resolve(INDEX).toString());
    }
}
