package dev.symphony.editor.search;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the user typed in the find box, with its options. {@link #compile()} throws
 * {@link PatternSyntaxException} (with the position) for an invalid regex.
 */
public record SearchQuery(String text, boolean regex, boolean caseSensitive, boolean wholeWord) {

    public static SearchQuery literal(String text) {
        return new SearchQuery(text, false, true, false);
    }

    public static SearchQuery regex(String pattern) {
        return new SearchQuery(pattern, true, true, false);
    }

    public SearchQuery ignoringCase() {
        return new SearchQuery(text, regex, false, wholeWord);
    }

    public SearchQuery wholeWords() {
        return new SearchQuery(text, regex, caseSensitive, true);
    }

    public Pattern compile() {
        String p = regex ? text : Pattern.quote(text);
        if (wholeWord) {
            // \b would treat a query that starts or ends with punctuation oddly; words are letters, digits, _.
            p = "(?<![\\p{L}\\p{N}_])(?:" + p + ")(?![\\p{L}\\p{N}_])";
        }
        int flags = Pattern.MULTILINE;
        if (!caseSensitive) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        return Pattern.compile(p, flags);
    }
}
