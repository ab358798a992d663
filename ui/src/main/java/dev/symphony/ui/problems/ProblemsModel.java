package dev.symphony.ui.problems;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every problem known now, from every source (each replaces its own list: "settings", "json:/path/a.json",
 * later language servers), without duplicates (a settings file open in a tab is checked by both), sorted by
 * file and position. JavaFX thread only.
 */
public final class ProblemsModel {
    private final Map<String, List<Problem>> bySource = new LinkedHashMap<>();
    private final ObservableList<Problem> all = FXCollections.observableArrayList();
    private final IntegerBinding count = Bindings.size(all);

    /** Replaces what {@code source} reports (an empty list: it has no problems now). */
    public void replace(String source, List<Problem> problems) {
        if (problems.isEmpty()) {
            bySource.remove(source);
        } else {
            bySource.put(source, List.copyOf(problems));
        }
        LinkedHashSet<Problem> distinct = new LinkedHashSet<>();
        bySource.values().forEach(distinct::addAll);
        List<Problem> sorted = new ArrayList<>(distinct);
        sorted.sort(Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        if (!sorted.equals(all)) {
            all.setAll(sorted);
        }
    }

    public ObservableList<Problem> all() {
        return all;
    }

    public IntegerBinding count() {
        return count;
    }
}
