package dev.symphony.editor.search.files;

/**
 * Receives a search's results as they are found. {@link #onFile} and {@link #onSkipped} are called
 * from the search's worker threads, possibly at the same time; {@link #onDone} once, last.
 */
public interface SearchListener {

    default void onFile(FileMatches matches) {
    }

    default void onSkipped(SkippedFile skipped) {
    }

    default void onDone(SearchSummary summary) {
    }
}
