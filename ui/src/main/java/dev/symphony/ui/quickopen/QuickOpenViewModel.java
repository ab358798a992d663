package dev.symphony.ui.quickopen;

import dev.symphony.editor.workspace.WalkOptions;
import dev.symphony.kernel.commands.FuzzyMatch;
import dev.symphony.ui.FxBridge;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Quick Open: a query, the workspace files that fuzzy-match it (recently opened first, then by
 * score), and opening the chosen one, at a line when the query ends in {@code :LINE}.
 */
public final class QuickOpenViewModel {

    /** What Quick Open asks the workbench to do: open a file, at a 1-based line (0: no line). */
    @FunctionalInterface
    public interface Opener {
        void open(Path file, int line);
    }

    static final int MAX_RESULTS = 60;
    private static final Pattern LINE_SUFFIX = Pattern.compile("^(.*?):(\\d+)(?::\\d*)?$");

    private final FileIndex index = new FileIndex();
    private final QuickOpenRanker ranker = new QuickOpenRanker(MAX_RESULTS);
    private final FxBridge bridge;
    private final Supplier<WalkOptions> walkOptions;
    private final Opener opener;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<FuzzyMatch<String>> results = FXCollections.observableArrayList();
    private final LinkedHashSet<String> recent = new LinkedHashSet<>(); // most recent last
    private volatile boolean building;

    public QuickOpenViewModel(FxBridge bridge, Supplier<WalkOptions> walkOptions, Opener opener) {
        this.bridge = bridge;
        this.walkOptions = walkOptions;
        this.opener = opener;
        query.addListener((o, a, b) -> refreshResults());
    }

    /** Builds the index of {@code root} off the JavaFX thread (null: no folder, empty index). */
    public void setRoot(Path root) {
        if (root == null) {
            return;
        }
        building = true;
        status.set("Indexing files…");
        WalkOptions options = walkOptions.get();
        bridge.compute(() -> {
            try {
                index.rebuild(root, options);
                return index.size();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, count -> {
            building = false;
            status.set(count + " files (indexed in " + Math.round(index.buildMillis()) + " ms)");
            refreshResults();
        }, e -> {
            building = false;
            status.set("Cannot index " + root + ": " + e.getMessage());
        });
    }

    /** A folder the file watcher reported changed: re-list it in the background. */
    public void folderChanged(Path folder) {
        bridge.compute(() -> {
            try {
                index.refreshFolder(folder);
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }, ok -> refreshResults(), e -> { });
    }

    /** Remembers a file the person opened (it ranks first next time). */
    public void opened(Path file) {
        Path root = index.root();
        if (root != null && file.toAbsolutePath().normalize().startsWith(root)) {
            String rel = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
            recent.remove(rel);
            recent.add(rel);
        }
    }

    public void show() {
        query.set("");
        visible.set(true);
        refreshResults();
    }

    public void hide() {
        visible.set(false);
    }

    public void moveSelection(int delta) {
        if (!results.isEmpty()) {
            selectedIndex.set(Math.floorMod(selectedIndex.get() + delta, results.size()));
        }
    }

    /** Opens the selected file (at the query's line, if any) and hides. */
    public void openSelected() {
        int i = selectedIndex.get();
        if (i < 0 || i >= results.size() || index.root() == null) {
            return;
        }
        String rel = results.get(i).item();
        hide();
        opener.open(index.root().resolve(rel), requestedLine());
    }

    int requestedLine() {
        Matcher m = LINE_SUFFIX.matcher(query.get().trim());
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    /** The file part of a query ({@code name:LINE} without {@code :LINE}). */
    static String fileQuery(String typed) {
        String q = typed.trim();
        Matcher m = LINE_SUFFIX.matcher(q);
        return m.matches() ? m.group(1) : q;
    }

    private void refreshResults() {
        results.setAll(ranker.rank(fileQuery(query.get()), index.snapshot(), List.copyOf(recent)));
        selectedIndex.set(0);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<FuzzyMatch<String>> results() {
        return results;
    }

    public boolean isIndexing() {
        return building;
    }
}
