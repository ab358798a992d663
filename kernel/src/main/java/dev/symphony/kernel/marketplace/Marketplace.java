package dev.symphony.kernel.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.manifest.Version;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.kernel.signing.TrustedPublishers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The indexes of the {@code extensions.indexes} setting, loaded and checked, and what they offer: what the command
 * line ({@code ext search|install|update}) and the Extensions view both use.
 */
public final class Marketplace {
    public static final String SETTING = "extensions.indexes";
    private final List<IndexSource.Loaded> indexes;

    private Marketplace(List<IndexSource.Loaded> indexes) {
        this.indexes = List.copyOf(indexes);
    }

    /** A release found in an index, with the index it came from. */
    public record Found(IndexSource.Loaded index, ExtensionIndex.Extension extension, ExtensionIndex.Release release) {
        /**
         * Downloads the archive into {@code <cache>/downloads/}, its size and SHA-256 checked against the index, and its
         * manifest's id, version and permissions against the listing ({@link ListedArchive}).
         */
        public Path download(SymphonyPaths paths) throws IndexException {
            Path archive = index.source().download(release, paths.cache("downloads"));
            ListedArchive.check(archive, extension, release, index.source().location());
            return archive;
        }
    }

    /** A Melody release found in an index (Polyphony), with the index it came from. */
    public record FoundMelody(IndexSource.Loaded index, MelodyListing melody, MelodyListing.Release release) {
        /** Downloads the package into {@code <cache>/downloads/}, its size and SHA-256 checked against the index. */
        public Path download(SymphonyPaths paths) throws IndexException {
            return index.source().download(release, paths.cache("downloads"));
        }
    }

    /** Loads every configured index; one that cannot be read or checked is reported to {@code problems} and skipped. */
    public static Marketplace load(SymphonyPaths paths, Consumer<String> problems) {
        TrustedPublishers trust = new TrustedPublishers(paths.configDir());
        List<String> locations = locations(paths);
        if (locations.isEmpty()) {
            problems.accept("no extension index configured: add folders or URLs to \"" + SETTING + "\" in " + paths.userSettingsFile());
        }
        List<IndexSource.Loaded> out = new ArrayList<>();
        for (String location : locations) {
            try {
                out.add(new IndexSource(location).load(trust));
            } catch (IndexException e) {
                problems.accept("skipping an index: " + e.getMessage());
            }
        }
        return new Marketplace(out);
    }

    static List<String> locations(SymphonyPaths paths) {
        try (SettingsService settings = new SettingsService(SettingsSchema.core(), paths.userSettingsFile(), null)) {
            List<String> out = new ArrayList<>();
            JsonNode value = settings.get(SETTING);
            if (value != null) {
                value.forEach(v -> out.add(v.asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<IndexSource.Loaded> indexes() {
        return indexes;
    }

    /** Every extension matching {@code query} and {@code category} (null: any), with its newest release for {@code engine}. */
    public List<Found> search(String query, String category, String engine) {
        List<Found> out = new ArrayList<>();
        for (IndexSource.Loaded l : indexes) {
            for (ExtensionIndex.Extension e : l.index().extensions()) {
                if (e.matches(query, category)) {
                    e.newest(engine).ifPresent(r -> out.add(new Found(l, e, r)));
                }
            }
        }
        return out;
    }

    /** The newest release of {@code id} for {@code engine} (or exactly {@code version}) across the indexes; the first index wins a tie. */
    public Optional<Found> find(String id, String version, String engine) {
        Found best = null;
        for (IndexSource.Loaded l : indexes) {
            Optional<ExtensionIndex.Extension> e = l.index().find(id);
            if (e.isEmpty()) {
                continue;
            }
            Optional<ExtensionIndex.Release> r = version == null ? e.get().newest(engine) : e.get().release(version);
            if (r.isPresent() && (best == null || Version.parse(r.get().version()).compareTo(Version.parse(best.release().version())) > 0)) {
                best = new Found(l, e.get(), r.get());
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every Melody matching {@code query} and {@code category} (null: any), with its newest release. */
    public List<FoundMelody> searchMelodies(String query, String category) {
        List<FoundMelody> out = new ArrayList<>();
        for (IndexSource.Loaded l : indexes) {
            for (MelodyListing m : l.index().melodies()) {
                if (m.matches(query, category)) {
                    m.newest().ifPresent(r -> out.add(new FoundMelody(l, m, r)));
                }
            }
        }
        return out;
    }

    /** The newest release of Melody {@code id} (or exactly {@code version}) across the indexes; the first index wins a tie. */
    public Optional<FoundMelody> findMelody(String id, String version) {
        FoundMelody best = null;
        for (IndexSource.Loaded l : indexes) {
            Optional<MelodyListing> m = l.index().findMelody(id);
            Optional<MelodyListing.Release> r = m.flatMap(x -> version == null ? x.newest() : x.release(version));
            if (r.isPresent() && (best == null || Version.parse(r.get().version()).compareTo(Version.parse(best.release().version())) > 0)) {
                best = new FoundMelody(l, m.get(), r.get());
            }
        }
        return Optional.ofNullable(best);
    }
}
