package dev.symphony.editor.comment;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Toggle Line Comment (Ctrl+/) and Toggle Block Comment (Shift+Alt+A) as changes to a text, VS Code's
 * way: the lines the selections touch are uncommented when every non-blank one is commented, else each
 * gets the token at the smallest indentation among them; blank lines are left alone. A language without
 * a line comment toggles a block comment around each line instead.
 */
public final class CommentToggle {
    private CommentToggle() {
    }

    /** The change that toggles line comments on the selections' lines (empty when nothing to do). */
    public static ChangeSet lines(Rope text, SelectionSet selections, CommentSyntax syntax) {
        TreeSet<Integer> lines = new TreeSet<>();
        for (Selection s : selections.all()) {
            int first = text.lineOf(s.start());
            int last = text.lineOf(s.end());
            if (last > first && text.column(s.end()) == 0) {
                last--; // a selection that ends at the start of a line does not take that line
            }
            for (int l = first; l <= last; l++) {
                lines.add(l);
            }
        }
        if (syntax.line() == null) {
            return syntax.hasBlock() ? eachLineInBlock(text, lines, syntax) : new ChangeSet(List.of());
        }
        String token = syntax.line();
        boolean allCommented = true;
        int indent = Integer.MAX_VALUE;
        for (int l : lines) {
            String line = lineText(text, l);
            int at = firstNonBlank(line);
            if (at < 0) {
                continue;
            }
            indent = Math.min(indent, at);
            allCommented &= line.startsWith(token, at);
        }
        List<TextEdit> edits = new ArrayList<>();
        if (indent == Integer.MAX_VALUE) {
            return new ChangeSet(edits); // only blank lines
        }
        for (int l : lines) {
            String line = lineText(text, l);
            int at = firstNonBlank(line);
            if (at < 0) {
                continue;
            }
            int start = text.lineStart(l);
            if (allCommented) {
                int end = at + token.length();
                if (end < line.length() && line.charAt(end) == ' ') {
                    end++;
                }
                edits.add(TextEdit.delete(start + at, start + end));
            } else {
                edits.add(TextEdit.insert(start + indent, token + " "));
            }
        }
        return new ChangeSet(edits);
    }

    /** The change that toggles a block comment around each selection (or, for an empty one, its line's text). */
    public static ChangeSet block(Rope text, SelectionSet selections, CommentSyntax syntax) {
        List<TextEdit> edits = new ArrayList<>();
        if (!syntax.hasBlock()) {
            return new ChangeSet(edits);
        }
        int done = -1;
        for (Selection s : selections.all()) {
            int from = s.start();
            int to = s.end();
            if (from == to && text.lineOf(from) == done) {
                continue; // a second caret on a line already toggled
            }
            if (from == to) {
                done = text.lineOf(from);
                int line = text.lineOf(from);
                String content = lineText(text, line);
                int at = firstNonBlank(content);
                if (at < 0) {
                    edits.add(TextEdit.insert(from, syntax.blockStart() + "  " + syntax.blockEnd()));
                    continue;
                }
                from = text.lineStart(line) + at;
                to = text.lineStart(line) + content.stripTrailing().length();
            }
            wrapOrUnwrap(text.substring(from, to), from, syntax, edits);
        }
        return new ChangeSet(edits);
    }

    private static ChangeSet eachLineInBlock(Rope text, TreeSet<Integer> lines, CommentSyntax syntax) {
        List<TextEdit> edits = new ArrayList<>();
        for (int l : lines) {
            String line = lineText(text, l);
            int at = firstNonBlank(line);
            if (at >= 0) {
                wrapOrUnwrap(line.substring(at, line.stripTrailing().length()), text.lineStart(l) + at, syntax, edits);
            }
        }
        return new ChangeSet(edits);
    }

    private static void wrapOrUnwrap(String body, int from, CommentSyntax syntax, List<TextEdit> edits) {
        String start = syntax.blockStart();
        String end = syntax.blockEnd();
        if (body.startsWith(start) && body.endsWith(end) && body.length() >= start.length() + end.length()) {
            int open = start.length() + (body.startsWith(start + " ") ? 1 : 0);
            int close = end.length() + (body.endsWith(" " + end) && body.length() > open + end.length() ? 1 : 0);
            edits.add(TextEdit.delete(from, from + open));
            edits.add(TextEdit.delete(from + body.length() - close, from + body.length()));
        } else {
            edits.add(TextEdit.insert(from, start + " "));
            edits.add(TextEdit.insert(from + body.length(), " " + end));
        }
    }

    private static String lineText(Rope text, int line) {
        return text.substring(text.lineStart(line), text.lineEnd(line));
    }

    private static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                return i;
            }
        }
        return -1;
    }
}
