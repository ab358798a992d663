package dev.symphony.editor.search.files;

import dev.symphony.editor.search.SearchQuery;
import java.util.regex.Pattern;

/** The query's pattern for matching one line at a time, as ripgrep does: lines end at LF only. */
public final class LinePattern {

    private LinePattern() {
    }

    /** {@link SearchQuery#compile()} plus {@link Pattern#UNIX_LINES}: '$' does not stop before a CR and '.' matches one. */
    public static Pattern compile(SearchQuery query) {
        Pattern editorPattern = query.compile();
        return Pattern.compile(editorPattern.pattern(), editorPattern.flags() | Pattern.UNIX_LINES);
    }
}
