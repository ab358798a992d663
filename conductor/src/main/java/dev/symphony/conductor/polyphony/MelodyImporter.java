package dev.symphony.conductor.polyphony;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.kernel.marketplace.IndexException;
import dev.symphony.kernel.marketplace.Marketplace;
import dev.symphony.kernel.marketplace.MelodyListing;
import dev.symphony.kernel.marketplace.MelodyPackage;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.signing.TrustedPublishers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code symphony melody import ID[@VERSION]}: downloads the package an index lists (size and SHA-256 checked),
 * verifies it is signed by a trusted key of its publisher, checks the Melody and that the package names every
 * extension the Melody calls, installs the missing ones through the normal install (its permission prompt is the
 * user's approval), keeps the version in the {@link MelodyLibrary}, and only then writes the Melody to its file. A
 * file there that the user changed is never overwritten. Any refusal leaves the workspace untouched.
 */
public final class MelodyImporter {
    private MelodyImporter() {
    }

    /** Installs an extension from the indexes, with the user's approval; false: not installed (declined or failed). */
    public interface Installer {
        boolean install(String extensionId) throws IOException;
    }

    public record Imported(MelodyPackage.Meta meta, Path copy, Path written, List<String> installed, boolean unchanged) {
    }

    /**
     * Imports {@code found} into {@code to}; {@code installed}: extension id to installed version. Throws
     * {@link IndexException} (package refused), {@link IllegalStateException} (a requirement cannot be met, or
     * {@code to} holds the user's own changes); nothing is written then.
     */
    public static Imported importMelody(Marketplace.FoundMelody found, SymphonyPaths paths, Map<String, String> installed,
                                        Installer installer, Path to) throws IndexException, IOException {
        Path archive = found.download(paths);
        MelodyPackage.Opened opened = MelodyPackage.open(archive, new TrustedPublishers(paths.configDir()));
        MelodyPackage.Meta meta = opened.meta();
        String where = archive.getFileName().toString();
        if (!meta.id().equals(found.melody().id()) || !meta.version().equals(found.release().version())) {
            throw new IndexException(where + " says it is " + meta.id() + " " + meta.version() + " but the index at "
                    + found.index().source().location() + " lists it as " + found.melody().id() + " " + found.release().version());
        }
        Melody melody;
        try {
            melody = new MelodyReader(CapabilityCatalog.NONE).parse(new String(opened.melody(), StandardCharsets.UTF_8), to);
        } catch (InvalidMelodyException e) {
            throw new IndexException(where + " holds a Melody that is not valid: " + e.getMessage());
        }
        Set<String> calls = Requirements.of(melody);
        for (String extension : calls) {
            if (meta.requires().stream().noneMatch(r -> r.extension().equals(extension))) {
                throw new IndexException(where + ": its Melody calls " + extension + ", which its " + MelodyPackage.META
                        + " does not list among the extensions it needs");
            }
        }
        byte[] present = Files.exists(to) ? Files.readAllBytes(to) : null;
        boolean unchanged = present != null && Arrays.equals(present, opened.melody());
        MelodyLibrary library = new MelodyLibrary(paths.data("polyphony"));
        if (present != null && !unchanged && !library.isImported(meta.id(), present)) {
            throw new IllegalStateException(to + " exists and is not a version imported from an index (your changes, or another file): "
                    + "it stays as it is; import to another file with --to FILE");
        }
        List<String> newlyInstalled = new ArrayList<>();
        for (MelodyListing.Requirement r : meta.requires()) {
            String have = installed.get(r.extension());
            if (have != null && !r.satisfiedBy(have)) {
                throw new IllegalStateException(meta.id() + " " + meta.version() + " needs " + r.extension() + " " + r.range()
                        + " or newer; " + have + " is installed: `symphony ext update " + r.extension() + "` first");
            }
            if (have == null) {
                if (!installer.install(r.extension())) {
                    throw new IllegalStateException(meta.id() + " needs " + r.extension() + ", which was not installed: nothing imported");
                }
                newlyInstalled.add(r.extension());
            }
        }
        Path copy = library.keep(meta, opened.melody(), opened.signer().fingerprint(), found.index().source().location());
        if (!unchanged) {
            AtomicFiles.write(to, opened.melody());
        }
        return new Imported(meta, copy, to, List.copyOf(newlyInstalled), unchanged);
    }
}
