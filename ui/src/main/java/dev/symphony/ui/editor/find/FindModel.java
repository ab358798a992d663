package dev.symphony.ui.editor.find;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.search.ReplacementTemplate;
import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.Searcher;
import dev.symphony.editor.search.TextRange;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.selection.Transaction;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorView;
import java.util.ArrayList;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The find/replace bar's state over the core's search: the query and its options, the match count
 * ("3 of 120", counted off the FX thread on the immutable rope snapshot, capped), errors for a bad
 * regex or replacement, and next / previous / replace / replace all as buffer transactions (replace
 * all is one undo step).
 */
public final class FindModel {
    /** Matches counted and highlighted at most; beyond that the count shows "10000+". */
    static final int MAX_COUNTED = 10_000;
    private final EditorView view;
    private final FxBridge bridge;
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty replacement = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final BooleanProperty caseSensitive = new SimpleBooleanProperty();
    private final BooleanProperty wholeWord = new SimpleBooleanProperty();
    private final BooleanProperty inSelection = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();
    private List<int[]> matches = List.of();
    private boolean capped;
    private long generation;
    private int[] scope;
    private Timeline progress; // "Searching… 40%" while a long count runs

    public FindModel(EditorView view, FxBridge bridge) {
        this.view = view;
        this.bridge = bridge;
        query.addListener((o, a, b) -> refresh());
        regex.addListener((o, a, b) -> refresh());
        caseSensitive.addListener((o, a, b) -> refresh());
        wholeWord.addListener((o, a, b) -> refresh());
        inSelection.addListener((o, a, on) -> {
            Selection s = primary();
            scope = on && !s.isEmpty() ? new int[] {s.start(), s.end()} : null;
            refresh();
        });
        view.buffer().addListener((before, after, change) -> {
            if (!query.get().isEmpty()) {
                refresh();
            }
        });
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty caseSensitiveProperty() {
        return caseSensitive;
    }

    public BooleanProperty wholeWordProperty() {
        return wholeWord;
    }

    public BooleanProperty inSelectionProperty() {
        return inSelection;
    }

    /** "3 of 120", "120 results", "No results", or the error. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private Selection primary() {
        SelectionSet sels = view.buffer().selections();
        return sels.get(sels.size() - 1);
    }

    /** The compiled query, or empty (with the error shown) when it is empty or invalid. */
    Optional<Pattern> pattern() {
        if (query.get().isEmpty()) {
            return Optional.empty();
        }
        SearchQuery q = new SearchQuery(query.get(), regex.get(), caseSensitive.get(), wholeWord.get());
        try {
            return Optional.of(q.compile());
        } catch (PatternSyntaxException e) {
            error.set(true);
            status.set("Invalid regular expression: " + e.getDescription() + " at position " + e.getIndex());
            return Optional.empty();
        }
    }

    /**
     * Recounts the matches in the background; a newer refresh stops the older count (and voids its result).
     * A count that takes longer than 100 ms replaces the previous count with its progress ("Searching… 40%").
     */
    public void refresh() {
        long mine = ++generation;
        error.set(false);
        stopProgress();
        Optional<Pattern> compiled = pattern();
        if (compiled.isEmpty()) {
            matches = List.of();
            if (!error.get()) {
                status.set("");
            }
            view.setHighlightedRanges(List.of());
            return;
        }
        Pattern p = compiled.get();
        Rope rope = view.buffer().text();
        int[] range = scope == null ? new int[] {0, rope.length()} : scope.clone();
        WatchedText text = new WatchedText(rope.asCharSequence(), () -> generation != mine);
        progress = new Timeline(new KeyFrame(Duration.millis(200), e -> status.set("Searching… "
                + Math.min(99, Math.max(0, (text.reached() - range[0]) * 100 / Math.max(1, range[1] - range[0]))) + "%")));
        progress.setCycleCount(Animation.INDEFINITE);
        progress.setDelay(Duration.millis(100)); // the old count goes within 100 ms: it is not this query's
        progress.play();
        bridge.compute(() -> count(p, text, range), found -> {
            if (mine == generation) {
                stopProgress();
                matches = found;
                capped = found.size() >= MAX_COUNTED;
                view.setHighlightedRanges(found);
                updateStatus();
            }
        }, e -> {
            if (mine == generation) {
                stopProgress();
                status.set("Search failed: " + e.getMessage());
            }
        });
    }

    /** Stops the counting of the current query (the bar closed): its result will not be shown. */
    public void cancel() {
        generation++;
        stopProgress();
    }

    private void stopProgress() {
        if (progress != null) {
            progress.stop();
            progress = null;
        }
    }

    static List<int[]> count(Pattern p, Rope rope, int[] range) {
        return count(p, rope.asCharSequence(), range);
    }

    /** The matches in {@code range} (at most {@link #MAX_COUNTED}); a {@link WatchedText} may stop it early. */
    static List<int[]> count(Pattern p, CharSequence text, int[] range) {
        List<int[]> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        m.region(range[0], Math.min(range[1], text.length()));
        while (found.size() < MAX_COUNTED && m.find()) {
            if (m.end() == m.start()) {
                if (m.end() >= range[1]) {
                    break;
                }
                m.region(m.end() + 1, Math.min(range[1], text.length()));
                continue; // empty matches are not shown
            }
            found.add(new int[] {m.start(), m.end()});
        }
        return found;
    }

    private void updateStatus() {
        if (error.get()) {
            return;
        }
        if (matches.isEmpty()) {
            status.set(query.get().isEmpty() ? "" : "No results");
            return;
        }
        String total = matches.size() + (capped ? "+" : "");
        Selection s = primary();
        int index = indexOf(s.start(), s.end());
        status.set(index >= 0 ? (index + 1) + " of " + total : total + " results");
    }

    private int indexOf(int start, int end) {
        int lo = 0;
        int hi = matches.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] r = matches.get(mid);
            if (r[0] < start) {
                lo = mid + 1;
            } else if (r[0] > start) {
                hi = mid - 1;
            } else {
                return r[1] == end ? mid : -1;
            }
        }
        return -1;
    }

    public void next() {
        find(true);
    }

    public void previous() {
        find(false);
    }

    private void find(boolean forward) {
        Optional<Pattern> p = pattern();
        if (p.isEmpty()) {
            return;
        }
        Rope rope = view.buffer().text();
        Searcher searcher = new Searcher(rope, p.get());
        Selection s = primary();
        Optional<TextRange> hit = forward ? searcher.next(s.isEmpty() ? s.head() : s.end(), true)
                : searcher.previous(s.start(), true);
        if (scope != null && hit.isPresent() && (hit.get().start() < scope[0] || hit.get().end() > scope[1])) {
            hit = forward ? searcher.next(scope[0], false) : searcher.previous(scope[1], false);
            hit = hit.filter(r -> r.start() >= scope[0] && r.end() <= scope[1]);
        }
        hit.ifPresentOrElse(r -> {
            view.controller().setSelections(SelectionSet.single(Selection.of(r.start(), r.end())), r.end());
            updateStatus();
        }, () -> status.set("No results"));
    }

    /** Replaces the current match (when the selection is one) and moves to the next. */
    public void replace() {
        Optional<Pattern> p = pattern();
        if (p.isEmpty() || view.isReadOnly()) {
            return;
        }
        Selection s = primary();
        Rope rope = view.buffer().text();
        Matcher m = p.get().matcher(rope.asCharSequence());
        if (!s.isEmpty() && m.find(s.start()) && m.start() == s.start() && m.end() == s.end()) {
            Optional<String> text = expand(p.get(), m, rope);
            if (text.isEmpty()) {
                return;
            }
            int end = s.start() + text.get().length();
            view.buffer().apply(new Transaction(ChangeSet.of(new TextEdit(s.start(), s.end(), text.get())),
                    SelectionSet.cursorAt(end)), EditKind.COMMAND);
        }
        next();
    }

    /** Replaces every match (in the scope) as one undo step; returns how many. */
    public int replaceAll() {
        Optional<Pattern> p = pattern();
        if (p.isEmpty() || view.isReadOnly()) {
            return 0;
        }
        Rope rope = view.buffer().text();
        List<TextEdit> edits = new ArrayList<>();
        Matcher m = p.get().matcher(rope.asCharSequence());
        int[] range = scope == null ? new int[] {0, rope.length()} : scope;
        m.region(range[0], range[1]);
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            Optional<String> text = expand(p.get(), m, rope);
            if (text.isEmpty()) {
                return 0;
            }
            edits.add(new TextEdit(m.start(), m.end(), text.get()));
        }
        if (!edits.isEmpty()) {
            view.buffer().apply(new Transaction(new ChangeSet(edits), view.buffer().selections().map(new ChangeSet(edits))),
                    EditKind.COMMAND);
            view.controller().setSelections(view.buffer().selections(), primary().head());
        }
        status.set(edits.size() + " replaced");
        return edits.size();
    }

    private Optional<String> expand(Pattern p, Matcher m, Rope rope) {
        if (!regex.get()) {
            return Optional.of(replacement.get());
        }
        try {
            StringBuilder out = new StringBuilder();
            ReplacementTemplate.parse(replacement.get(), p).expand(m, rope.asCharSequence(), out);
            return Optional.of(out.toString());
        } catch (IllegalArgumentException e) {
            error.set(true);
            status.set("Invalid replacement: " + e.getMessage());
            return Optional.empty();
        }
    }

    public void clearHighlights() {
        view.setHighlightedRanges(List.of());
    }

    /** Seeds the query from the selection (a single-line selection only). */
    public void seedFromSelection() {
        Selection s = primary();
        if (!s.isEmpty() && s.end() - s.start() < 1000) {
            String text = view.buffer().text().substring(s.start(), s.end());
            if (text.indexOf('\n') < 0) {
                query.set(text);
            }
        }
    }
}
