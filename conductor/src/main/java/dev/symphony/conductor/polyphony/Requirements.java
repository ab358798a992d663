package dev.symphony.conductor.polyphony;

import dev.symphony.conductor.melody.ErrorStrategy;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.NodeSpec;

import java.util.Set;
import java.util.TreeSet;

/** The extensions a Melody's nodes call (their own extension, a fallback's, those of nested bodies). */
final class Requirements {
    private Requirements() {
    }

    /**
     * The extension ids {@code melody} calls, in name order. Throws naming the node when it runs a sub-Melody
     * from a file, which a published Melody cannot carry with it.
     */
    static Set<String> of(Melody melody) {
        Set<String> out = new TreeSet<>();
        collect(melody, out);
        return out;
    }

    private static void collect(Melody melody, Set<String> out) {
        for (MelodyNode n : melody.nodes()) {
            if (n.spec() instanceof NodeSpec.SubMelody s) {
                throw new IllegalArgumentException("node '" + n.id() + "' runs the sub-Melody " + s.path()
                        + " from a file, which a published Melody cannot take along: put its nodes into this Melody");
            }
            if (n.extension() != null) {
                out.add(n.extension());
            }
            ErrorStrategy.Fallback fallback = n.errorStrategy().fallback();
            if (fallback != null && fallback.extension() != null) {
                out.add(fallback.extension());
            }
            if (n.body() != null) {
                collect(n.body(), out);
            }
        }
    }
}
