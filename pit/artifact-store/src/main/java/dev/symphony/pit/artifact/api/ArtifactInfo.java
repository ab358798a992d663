package dev.symphony.pit.artifact.api;

/**
 * A snapshot of one artifact's metadata (allocated per call; the store's index itself does not allocate).
 *
 * @param version      1 for the first artifact of a name, then +1 per put of the same name
 * @param supersedes   the id this version replaced, 0 if none
 * @param supersededBy the id of the newer version, 0 while this one is live
 * @param contentHash  lower-case hex SHA-256 of the content
 * @param size         content length in bytes
 * @param storedSize   bytes the (compressed, encrypted) content occupies on disk
 */
public record ArtifactInfo(long id, String name, int version, ArtifactKind kind, String mediaType,
                           String contentHash, long size, long storedSize, ContentTier tier, Provenance provenance,
                           long committedAtMs, long lastAccessMs, long supersedes, long supersededBy,
                           QualityScores quality) {
    /** Live = the newest version of its name (not superseded) and its content not purged. */
    public boolean live() {
        return supersededBy == 0 && tier != ContentTier.PURGED;
    }
}
