package dev.symphony.editor.search.files;

import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.workspace.WalkOptions;

/**
 * One search across files. {@code maxFileSize}: larger files are skipped with a note
 * ({@link #DEFAULT_MAX_FILE_SIZE} by default; ripgrep has no limit). {@code maxMatches}: 0 for no
 * limit. {@code threads}: workers reading and searching files (the walk has its own thread).
 */
public record FileSearchOptions(SearchQuery query, WalkOptions walk, long maxFileSize, int maxMatches, int threads) {

    /** 256 MiB: above this a file is skipped ("too large") rather than searched. */
    public static final long DEFAULT_MAX_FILE_SIZE = 256L << 20;

    public FileSearchOptions {
        if (query.text().isEmpty()) {
            throw new IllegalArgumentException("empty search pattern");
        }
        if (!query.regex() && (query.text().indexOf('\n') >= 0 || query.text().indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("a search pattern cannot contain a line break (search works line by line)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    public static FileSearchOptions of(SearchQuery query) {
        return new FileSearchOptions(query, WalkOptions.defaults(), DEFAULT_MAX_FILE_SIZE, 0,
                Runtime.getRuntime().availableProcessors());
    }

    public FileSearchOptions withWalk(WalkOptions walk) {
        return new FileSearchOptions(query, walk, maxFileSize, maxMatches, threads);
    }

    public FileSearchOptions withMaxMatches(int max) {
        return new FileSearchOptions(query, walk, maxFileSize, max, threads);
    }

    public FileSearchOptions withMaxFileSize(long bytes) {
        return new FileSearchOptions(query, walk, bytes, maxMatches, threads);
    }

    public FileSearchOptions withThreads(int n) {
        return new FileSearchOptions(query, walk, maxFileSize, maxMatches, n);
    }
}
