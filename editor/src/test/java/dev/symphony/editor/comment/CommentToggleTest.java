package dev.symphony.editor.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.Rope;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentToggleTest {
    private static final CommentSyntax JAVA = CommentSyntax.of("java").orElseThrow();

    private static String lines(String text, int anchor, int head, CommentSyntax syntax) {
        Rope rope = Rope.of(text);
        return CommentToggle.lines(rope, SelectionSet.single(Selection.of(anchor, head)), syntax).apply(rope).toString();
    }

    @Test
    void commentsAtTheSmallestIndentAndSkipsBlankLines() {
        String code = "  if (a) {\n\n    b();\n  }\n";
        assertEquals("  // if (a) {\n\n  //   b();\n  // }\n", lines(code, 0, code.length() - 1, JAVA));
    }

    @Test
    void uncommentsWhenEveryLineIsCommentedAndASelectionEndingAtColumnZeroLeavesThatLine() {
        String code = "// a\n  //b\nc\n";
        assertEquals("a\n  b\nc\n", lines(code, 0, code.indexOf('c'), JAVA));
    }

    @Test
    void aMixOfCommentedAndPlainLinesIsCommented() {
        assertEquals("# # a\n# b\n", lines("# a\nb\n", 0, 5, CommentSyntax.of("python").orElseThrow()));
    }

    @Test
    void languagesWithoutLineCommentsWrapEachLineInABlock() {
        assertEquals("<!-- <p>hi</p> -->\n", lines("<p>hi</p>\n", 0, 0, CommentSyntax.of("html").orElseThrow()));
        assertEquals("<p>hi</p>\n", lines("<!-- <p>hi</p> -->\n", 0, 0, CommentSyntax.of("html").orElseThrow()));
    }

    @Test
    void blockCommentWrapsTheSelectionAndUnwrapsIt() {
        Rope rope = Rope.of("int x = 1;");
        SelectionSet sel = SelectionSet.single(Selection.of(4, 5));
        Rope wrapped = CommentToggle.block(rope, sel, JAVA).apply(rope);
        assertEquals("int /* x */ = 1;", wrapped.toString());
        Rope unwrapped = CommentToggle.block(wrapped, SelectionSet.single(Selection.of(4, 11)), JAVA).apply(wrapped);
        assertEquals("int x = 1;", unwrapped.toString());
        assertEquals("/* int x = 1; */", CommentToggle.block(rope, SelectionSet.cursorAt(2), JAVA).apply(rope).toString());
    }

    /** Commenting lines that are not all comments, then toggling the same lines again, gives the text back (seeded). */
    @Test
    void commentThenUncommentIsIdentity() {
        Seeds.run("line comment toggle twice", r -> {
            List<String> pool = List.of("a();", "  b();", "", "\td", "   ", "x // y", "  // c");
            for (int round = 0; round < 500; round++) {
                StringBuilder sb = new StringBuilder();
                int n = 1 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    sb.append(pool.get(r.nextInt(pool.size() - 1))).append(i + 1 < n ? "\n" : "");
                }
                sb.append(r.nextBoolean() ? "\n" + pool.get(pool.size() - 1) : "");
                Rope text = Rope.of(sb);
                Selection sel = Selection.of(r.nextInt(text.length() + 1), r.nextInt(text.length() + 1));
                int first = text.lineOf(sel.start());
                int last = text.lineOf(sel.end());
                if (last > first && text.column(sel.end()) == 0) {
                    last--;
                }
                boolean allComments = true;
                for (int l = first; l <= last; l++) {
                    String line = text.substring(text.lineStart(l), text.lineEnd(l)).strip();
                    allComments &= line.isEmpty() || line.startsWith("//");
                }
                if (allComments) {
                    continue;
                }
                Rope once = CommentToggle.lines(text, SelectionSet.single(sel), JAVA).apply(text);
                Rope twice = CommentToggle.lines(once, SelectionSet.single(Selection.of(once.lineStart(first),
                        once.lineEnd(last))), JAVA).apply(once);
                assertEquals(text.toString(), twice.toString(), "selection " + sel + " of " + text.toString().replace("\n", "\\n"));
            }
        });
    }
}
