package dev.symphony.editor.search.files;

import dev.symphony.editor.search.ReplacementTemplate;
import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits that replace every match of a search across files in one document: the same
 * line-by-line matches as {@link FileSearch} finds, each replaced by the template ({@code $1},
 * {@code ${name}} for a regex; the replacement is taken literally for a literal query). Applied to
 * a buffer as one change, it is one undo step.
 */
public final class FileReplacer {

    private final Pattern pattern;
    private final ReplacementTemplate template;
    private final String literalReplacement;

    /** @throws IllegalArgumentException for a replacement that names a group the pattern lacks */
    public FileReplacer(SearchQuery query, String replacement) {
        this.pattern = LinePattern.compile(query);
        this.template = query.regex() ? ReplacementTemplate.parse(replacement, pattern) : null;
        this.literalReplacement = query.regex() ? null : replacement;
    }

    /** One line (no line break) with every match replaced: the preview of what {@link #changes} does to it. */
    public String replaceInLine(String line) {
        Rope rope = Rope.of(line);
        return changes(rope).apply(rope).toString();
    }

    public ChangeSet changes(Rope text) {
        List<TextEdit> edits = new ArrayList<>();
        String s = text.toString();
        Matcher m = pattern.matcher(s);
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < s.length()) {
            int nl = s.indexOf('\n', pos);
            int end = nl < 0 ? s.length() : nl;
            m.region(pos, end);
            while (m.find()) {
                if (template == null) {
                    edits.add(new TextEdit(m.start(), m.end(), literalReplacement));
                } else {
                    out.setLength(0);
                    template.expand(m, s, out);
                    edits.add(new TextEdit(m.start(), m.end(), out.toString()));
                }
            }
            pos = end + 1;
        }
        return new ChangeSet(edits);
    }
}
