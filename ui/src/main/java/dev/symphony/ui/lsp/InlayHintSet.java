package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.Inlay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The inlay hints of one document as offsets of its text, sorted. Decoded from the extension's
 * {@code {hints: [{line, column, label}]}} against the text the server computed them for; carried through each edit
 * since, where a hint an edit touches (its offset inside or at either end of the edited range) is dropped, so a hint is
 * never shown beside text it was not computed for. No JavaFX.
 */
final class InlayHintSet {
    static final InlayHintSet NONE = new InlayHintSet(new int[0], new String[0]);
    private final int[] offsets;
    private final String[] labels;

    private InlayHintSet(int[] offsets, String[] labels) {
        this.offsets = offsets;
        this.labels = labels;
    }

    /** The hints of {@code result} placed in {@code text} (a column past its line's end means the end); sorted by offset. */
    static InlayHintSet decode(JsonNode result, Rope text) {
        List<long[]> placed = new ArrayList<>(); // {offset, index}
        List<String> labels = new ArrayList<>();
        for (JsonNode h : result.path("hints")) {
            String label = h.path("label").asText("");
            int line = h.path("line").asInt(-1);
            if (label.isEmpty() || line < 0 || line >= text.lineCount()) {
                continue;
            }
            placed.add(new long[] {Positions.offset(text, line, h.path("column").asInt(0)), labels.size()});
            labels.add(label);
        }
        placed.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[] offsets = new int[placed.size()];
        String[] sorted = new String[placed.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (int) placed.get(i)[0];
            sorted[i] = labels.get((int) placed.get(i)[1]);
        }
        return new InlayHintSet(offsets, sorted);
    }

    int size() {
        return offsets.length;
    }

    /** These hints after {@code change}: moved with it, the ones it touches dropped. */
    InlayHintSet edited(ChangeSet change) {
        int[] out = new int[offsets.length];
        String[] kept = new String[offsets.length];
        int n = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (touched(change, offsets[i])) {
                continue;
            }
            out[n] = change.map(offsets[i], false);
            kept[n++] = labels[i];
        }
        return n == 0 ? NONE : new InlayHintSet(Arrays.copyOf(out, n), Arrays.copyOf(kept, n));
    }

    private static boolean touched(ChangeSet change, int offset) {
        for (TextEdit e : change.edits()) {
            if (e.from() <= offset && offset <= e.to()) {
                return true;
            }
            if (e.from() > offset) {
                return false;
            }
        }
        return false;
    }

    /** The hints in the line at {@code lineStart} of {@code lineLength} characters, as line-relative {@link Inlay}s. */
    List<Inlay> inLine(int lineStart, int lineLength) {
        int i = Arrays.binarySearch(offsets, lineStart);
        if (i < 0) {
            i = -i - 1;
        }
        while (i > 0 && offsets[i - 1] == lineStart) {
            i--;
        }
        List<Inlay> out = null;
        for (; i < offsets.length && offsets[i] <= lineStart + lineLength; i++) {
            if (out == null) {
                out = new ArrayList<>(4);
            }
            out.add(new Inlay(offsets[i] - lineStart, labels[i]));
        }
        return out == null ? List.of() : out;
    }

    /** {@code "offset:label"} of each hint (tests, messages). */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            out.add(offsets[i] + ":" + labels[i]);
        }
        return out;
    }
}
