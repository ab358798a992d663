package dev.symphony.editor.search.files;

/** How a search ended. {@code limitHit}: stopped at {@link FileSearchOptions#maxMatches()}. */
public record SearchSummary(long filesSearched, long filesMatched, long matches, long binarySkipped,
        long largeSkipped, long unreadable, boolean cancelled, boolean limitHit, long elapsedNanos,
        long firstResultNanos) {

    public double elapsedMillis() {
        return elapsedNanos / 1e6;
    }
}
