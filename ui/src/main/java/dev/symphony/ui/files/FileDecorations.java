package dev.symphony.ui.files;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Badges, colours and tooltips for paths in the file tree, from any number of sources (an extension each), each source's
 * set replaced as a whole. A folder that holds a decorated path (not an ignored one, which has no badge) shows a dot in
 * that path's colour, as VS Code does, so a change deep in a collapsed tree is seen. JavaFX thread only.
 */
public final class FileDecorations {
    /** {@code badge} may be null (a colour only); {@code color} is {@code #rrggbb}. */
    public record Decoration(String badge, String color, String tooltip) {
    }

    private final Map<String, Map<Path, Decoration>> bySource = new HashMap<>();
    private final Map<Path, Decoration> merged = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Replaces everything {@code source} decorates (absolute, normalized paths). */
    public void replace(String source, Map<Path, Decoration> decorations) {
        if (decorations.isEmpty()) {
            bySource.remove(source);
        } else {
            bySource.put(source, Map.copyOf(decorations));
        }
        merged.clear();
        for (Map<Path, Decoration> set : bySource.values()) {
            for (Map.Entry<Path, Decoration> e : set.entrySet()) {
                merged.putIfAbsent(e.getKey(), e.getValue());
                if (e.getValue().badge() != null) {
                    for (Path p = e.getKey().getParent(); p != null; p = p.getParent()) {
                        if (merged.putIfAbsent(p, new Decoration("•", e.getValue().color(), "Contains changes")) != null) {
                            break; // this folder and its parents are marked already
                        }
                    }
                }
            }
        }
        listeners.forEach(Runnable::run);
    }

    /** The decoration of {@code path}, or null. */
    public Decoration of(Path path) {
        return merged.get(path);
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
