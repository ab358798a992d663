package dev.symphony.pit.artifact.api;

import java.util.Objects;

/**
 * What a caller hands to {@link ArtifactStore#put}. The store assigns the id, version and hash.
 *
 * @param name        the logical name whose versions this artifact continues, e.g. {@code "run-7/summarize/out"}
 * @param kind        input, intermediate, output or metadata
 * @param mediaType   e.g. {@code "text/markdown"}
 * @param content     the bytes (the store keeps its own copy: later changes to the array do not matter)
 * @param provenance  producer, run, node, timestamps, cost
 * @param derivedFrom ids of the artifacts this one was computed from (may be empty)
 */
public record ArtifactDraft(String name, ArtifactKind kind, String mediaType, byte[] content, Provenance provenance,
                            long[] derivedFrom) {
    public ArtifactDraft {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("artifact name must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(provenance, "provenance");
        derivedFrom = derivedFrom == null ? new long[0] : derivedFrom.clone();
    }

    public static ArtifactDraft of(String name, ArtifactKind kind, String mediaType, byte[] content,
                                   Provenance provenance) {
        return new ArtifactDraft(name, kind, mediaType, content, provenance, new long[0]);
    }
}
