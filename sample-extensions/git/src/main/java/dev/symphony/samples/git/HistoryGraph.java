package dev.symphony.samples.git;

import java.util.ArrayList;
import java.util.List;

/**
 * The history's graph: which lane (column) each commit of a log sits in and which lanes pass beside it, laid out by the
 * rules of git's own {@code graph.c}, so the History view draws what {@code git log --graph} draws for the same order.
 * The lanes are the commits expected next, each once; a commit takes the lane that expects it (a new lane at the right
 * when none does: a branch head), and its parents take its place in order, after the lanes left of it and before the
 * ones right of it; a parent some lane already expects joins that lane (a merge's side ends there, or two branches meet).
 */
final class HistoryGraph {
    /** One row: the commit's lane and the lanes drawn in that row (the commit's included). */
    record Row(int column, int width) {
        /** The row's graph as text: {@code ●} for the commit, {@code │} for each lane passing it. */
        String text() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < width; i++) {
                out.append(i == column ? '●' : '│').append(' ');
            }
            return out.toString();
        }
    }

    private HistoryGraph() {
    }

    /** The rows of {@code log} (newest first, each commit before its parents, as git's topological order gives). */
    static List<Row> rows(List<GitHistory.Commit> log) {
        List<String> lanes = new ArrayList<>();
        List<Row> rows = new ArrayList<>(log.size());
        for (GitHistory.Commit c : log) {
            int column = lanes.indexOf(c.id());
            if (column < 0) {
                column = lanes.size();
                lanes.add(c.id());
            }
            rows.add(new Row(column, lanes.size()));
            List<String> next = new ArrayList<>(lanes.size() + c.parents().size());
            for (int i = 0; i < lanes.size(); i++) {
                if (i == column) {
                    c.parents().forEach(p -> addOnce(next, p));
                } else {
                    addOnce(next, lanes.get(i));
                }
            }
            lanes = next;
        }
        return rows;
    }

    private static void addOnce(List<String> lanes, String id) {
        if (!lanes.contains(id)) {
            lanes.add(id);
        }
    }
}
