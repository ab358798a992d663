package dev.symphony.conductor.polyphony;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.contract.manifest.Version;
import dev.symphony.kernel.marketplace.ExtensionIndex;
import dev.symphony.kernel.marketplace.IndexBuilder;
import dev.symphony.kernel.marketplace.IndexException;
import dev.symphony.kernel.marketplace.MelodyListing;
import dev.symphony.kernel.marketplace.MelodyPackage;
import dev.symphony.kernel.signing.PublisherKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code symphony melody publish FILE --id ID --version V --key KEY --index DIR}: checks the Melody, works out the
 * extensions its nodes call — each needs the version the index folder lists (or, failing that, the one installed
 * here) or newer — writes the signed package into the folder and rebuilds the folder's signed index. A published
 * version is never replaced.
 */
public final class MelodyPublisher {
    private MelodyPublisher() {
    }

    public record Published(MelodyPackage.Meta meta, Path archive, ExtensionIndex index) {
    }

    /** {@code installed}: extension id to the version installed here, for extensions the index folder does not list. */
    public static Published publish(Path melodyFile, String id, String version, List<String> categories, PublisherKey key,
                                    Path indexDir, Map<String, String> installed) throws IOException, InvalidMelodyException, IndexException {
        byte[] bytes = Files.readAllBytes(melodyFile);
        if (bytes.length > 4 << 20) {
            throw new IllegalArgumentException(melodyFile + " is larger than 4 MB");
        }
        Melody melody = new MelodyReader(CapabilityCatalog.NONE).parse(new String(bytes, StandardCharsets.UTF_8), melodyFile);
        Version.parse(version);
        Optional<ExtensionIndex> current = currentIndex(indexDir);
        List<MelodyListing.Requirement> requires = new ArrayList<>();
        for (String extension : Requirements.of(melody)) {
            String oldest = current.flatMap(i -> i.find(extension)).flatMap(e -> e.releases().stream()
                            .map(ExtensionIndex.Release::version).max((a, b) -> Version.parse(a).compareTo(Version.parse(b))))
                    .orElse(installed.get(extension));
            if (oldest == null) {
                throw new IllegalArgumentException(melodyFile + " calls " + extension + ", which is neither in the index at " + indexDir
                        + " nor installed here: publish it to that index first (`symphony ext publish`)");
            }
            requires.add(new MelodyListing.Requirement(extension, oldest));
        }
        String description = melody.json().path("description").asText("");
        MelodyPackage.Meta meta = new MelodyPackage.Meta(id, version, key.publisher(), melody.name() == null ? id : melody.name(),
                description, List.copyOf(categories), List.copyOf(requires));
        if (Files.exists(indexDir.resolve(meta.fileName()))) {
            throw new IllegalArgumentException(indexDir.resolve(meta.fileName()) + " exists: " + id + " " + version
                    + " is published already, and a published version is never replaced; give a new --version");
        }
        Path archive = MelodyPackage.write(indexDir, meta, bytes, key);
        return new Published(meta, archive, IndexBuilder.build(indexDir, key));
    }

    private static Optional<ExtensionIndex> currentIndex(Path dir) throws IOException, IndexException {
        Path index = dir.resolve(IndexBuilder.INDEX);
        return Files.isRegularFile(index) ? Optional.of(ExtensionIndex.parse(Files.readAllBytes(index), index.toString())) : Optional.empty();
    }
}
