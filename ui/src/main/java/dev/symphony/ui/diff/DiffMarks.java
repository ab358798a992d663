package dev.symphony.ui.diff;

import dev.symphony.editor.diff.DiffChange;
import dev.symphony.editor.diff.InlineDiff;
import dev.symphony.editor.diff.Span;
import dev.symphony.editor.diff.TextDiff;
import dev.symphony.ui.editor.BackgroundMarks;
import dev.symphony.ui.editor.BackgroundMarks.LineBand;
import dev.symphony.ui.editor.BackgroundMarks.TextBand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns a diff into the colours behind each editor: removed on the left, added on the right, both inline. */
final class DiffMarks {
    private DiffMarks() {
    }

    static BackgroundMarks left(TextDiff diff, DiffColors colors) {
        List<LineBand> lines = new ArrayList<>();
        List<TextBand> words = new ArrayList<>();
        for (DiffChange c : diff.changes()) {
            lines.add(new LineBand(c.leftLine(), c.leftCount(), c.leftCount() == 0 ? colors.removedWord() : colors.removedLine()));
            c.leftWords().forEach(w -> words.add(new TextBand(w.start(), w.end(), colors.removedWord())));
        }
        return new BackgroundMarks(lines, words);
    }

    static BackgroundMarks right(TextDiff diff, DiffColors colors) {
        List<LineBand> lines = new ArrayList<>();
        List<TextBand> words = new ArrayList<>();
        for (DiffChange c : diff.changes()) {
            lines.add(new LineBand(c.rightLine(), c.rightCount(), c.rightCount() == 0 ? colors.addedWord() : colors.addedLine()));
            c.rightWords().forEach(w -> words.add(new TextBand(w.start(), w.end(), colors.addedWord())));
        }
        return new BackgroundMarks(lines, words);
    }

    static BackgroundMarks inline(InlineDiff inline, DiffColors colors) {
        List<LineBand> lines = new ArrayList<>();
        for (InlineDiff.Segment s : inline.segments()) {
            if (s.kind() != InlineDiff.Kind.SAME) {
                lines.add(new LineBand(s.line(), s.count(),
                        s.kind() == InlineDiff.Kind.REMOVED ? colors.removedLine() : colors.addedLine()));
            }
        }
        List<TextBand> words = new ArrayList<>();
        for (Span w : inline.removedWords()) {
            words.add(new TextBand(w.start(), w.end(), colors.removedWord()));
        }
        for (Span w : inline.addedWords()) {
            words.add(new TextBand(w.start(), w.end(), colors.addedWord()));
        }
        words.sort(Comparator.comparingInt(TextBand::start));
        return new BackgroundMarks(lines, words);
    }
}
