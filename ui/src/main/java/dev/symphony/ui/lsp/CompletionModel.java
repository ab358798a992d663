package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A completion list and what is shown of it: the server's items, filtered by the word typed since the list was asked
 * for (prefix matches first, then the word's letters in order), in the server's sort order. The list belongs to the
 * word that starts at {@code anchor}: an answer computed for an older text is used only while every edit since lies at
 * or after that word's start and the caret is still in it (it is then mapped to the text shown now); otherwise it is
 * stale and dropped ({@link #fits}). No JavaFX: the popup ({@link CompletionPopup}) shows it.
 */
final class CompletionModel {
    /**
     * One item; {@code range} (LSP positions in the list's version) may be null: the word is replaced. {@code stops}
     * ({@code [[number, from, to]…]} in {@code insertText}) is null unless the item is a snippet with tab stops.
     */
    record Item(int index, String label, String kind, String detail, String sortText, String filterText, String insertText,
                int caret, JsonNode stops, JsonNode range, JsonNode additionalEdits, String documentation) {
        static Item of(JsonNode o) {
            String label = o.path("label").asText("");
            return new Item(o.path("index").asInt(-1), label, o.path("kind").asText(""), o.path("detail").asText(""),
                    o.path("sortText").asText(label), o.path("filterText").asText(label), o.path("insertText").asText(label),
                    o.path("caret").asInt(-1), o.get("stops"), o.get("range"), o.get("additionalEdits"), o.path("documentation").asText(""));
        }

        /**
         * This item with what a resolve added (documentation, detail, additional edits), and its text when the resolve
         * made it a snippet with tab stops (typescript-language-server's {@code completeFunctionCalls} does:
         * {@code pair(${1:first}, ${2:second})$0}).
         */
        Item resolvedWith(Item r) {
            boolean snippet = r.stops != null;
            return new Item(index, label, kind, r.detail.isEmpty() ? detail : r.detail, sortText, filterText,
                    snippet ? r.insertText : insertText, snippet ? r.caret : caret, snippet ? r.stops : stops,
                    snippet && r.range != null ? r.range : range,
                    r.additionalEdits != null ? r.additionalEdits : additionalEdits, r.documentation.isEmpty() ? documentation : r.documentation);
        }
    }

    private CompletionModel() {
    }

    static List<Item> items(JsonNode result) {
        List<Item> out = new ArrayList<>();
        result.path("items").forEach(i -> out.add(Item.of(i)));
        return out;
    }

    /** The items matching {@code word}: case-insensitive prefix matches, then subsequences, each in sort order. */
    static List<Item> filter(List<Item> items, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        List<Item> prefix = new ArrayList<>();
        List<Item> fuzzy = new ArrayList<>();
        for (Item i : items) {
            String key = i.filterText.toLowerCase(Locale.ROOT);
            if (key.startsWith(w)) {
                prefix.add(i);
            } else if (subsequence(w, key)) {
                fuzzy.add(i);
            }
        }
        Comparator<Item> order = Comparator.comparing(Item::sortText).thenComparing(Item::label);
        prefix.sort(order);
        fuzzy.sort(order);
        prefix.addAll(fuzzy);
        return prefix;
    }

    private static boolean subsequence(String w, String key) {
        int at = 0;
        for (int i = 0; i < w.length(); i++) {
            at = key.indexOf(w.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    /**
     * True when a list asked for the word starting at {@code anchor} (an offset of that version's text) still fits the
     * text shown now: no edit since lies before the anchor, and the text from it to {@code caret} is a word.
     */
    static boolean fits(int anchor, List<ChangeSet> since, Rope now, int caret) {
        for (ChangeSet c : since) {
            for (TextEdit e : c.edits()) {
                if (e.from() < anchor) {
                    return false;
                }
            }
        }
        if (caret < anchor || caret > now.length()) {
            return false;
        }
        for (int i = anchor; i < caret; i++) {
            if (!Positions.wordChar(now.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The edits accepting {@code item} makes in the text shown now, and where the caret goes: its text over its range
     * (mapped from {@code then} through {@code since}) or over the word from {@code anchor} to {@code caret}, plus
     * {@code additional} (auto-imports: edits elsewhere, already mapped), and a snippet's tab stops in the text after
     * them (null when it has none to tab through). Null when the edits overlap.
     */
    static Accepted accept(Item item, int anchor, int caret, Rope then, List<ChangeSet> since, List<TextEdit> additional) {
        int from = anchor;
        int to = caret;
        if (item.range != null && then != null) {
            from = Math.min(Positions.map(Positions.offset(then, item.range, false), since, false), caret);
            to = Math.max(caret, Positions.map(Positions.offset(then, item.range, true), since, true));
        }
        List<TextEdit> all = new ArrayList<>(additional);
        TextEdit main = new TextEdit(from, to, item.insertText);
        all.add(main);
        all.sort(Comparator.comparingInt(TextEdit::from).thenComparingInt(TextEdit::to));
        int shift = 0;
        for (int i = 0; i < all.size(); i++) {
            if (i > 0 && all.get(i).from() < all.get(i - 1).to()) {
                return null;
            }
            if (all.get(i) != main && all.get(i).to() <= from) {
                shift += all.get(i).delta();
            }
        }
        int start = from + shift;
        int inText = item.caret >= 0 ? item.caret : item.insertText.length();
        return new Accepted(new ChangeSet(all), start + inText, snippet(item, start));
    }

    private static SnippetSession snippet(Item item, int start) {
        if (item.stops == null || !item.stops.isArray()) {
            return null;
        }
        List<SnippetSession.TabStop> stops = new ArrayList<>();
        for (JsonNode s : item.stops) {
            stops.add(new SnippetSession.TabStop(s.path(0).asInt(-1), start + s.path(1).asInt(-1), start + s.path(2).asInt(-1)));
        }
        return SnippetSession.of(stops, start, start + item.insertText.length());
    }

    /** What accepting an item does: {@code change}, then the caret at {@code caret}, or snippet mode when {@code snippet} is not null. */
    record Accepted(ChangeSet change, int caret, SnippetSession snippet) {
    }
}
