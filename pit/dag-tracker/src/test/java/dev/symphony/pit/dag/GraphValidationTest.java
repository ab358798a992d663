package dev.symphony.pit.dag;

import dev.symphony.pit.dag.api.CycleException;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.GraphBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphValidationTest {

    @Test
    void cycleIsRejectedAndNamed() {
        final GraphBuilder b = new GraphBuilder();
        for (final String n : new String[] {"plan", "lint", "test", "fix", "ship"}) {
            b.node(n, 1);
        }
        b.edge("plan", "lint", EdgeKind.HARD);
        b.edge("lint", "test", EdgeKind.HARD);
        b.edge("test", "fix", EdgeKind.SOFT);
        b.edge("fix", "lint", EdgeKind.OPTIONAL);
        b.edge("test", "ship", EdgeKind.HARD);
        final CycleException e = assertThrows(CycleException.class, b::build);
        final List<String> cycle = e.cycle();
        assertEquals(3, cycle.size(), cycle.toString());
        assertTrue(cycle.containsAll(List.of("lint", "test", "fix")), cycle.toString());
        // The names are in edge order: each is followed by its successor on the cycle.
        final int i = cycle.indexOf("lint");
        assertEquals("test", cycle.get((i + 1) % 3));
        assertEquals("fix", cycle.get((i + 2) % 3));
        assertTrue(e.getMessage().contains(" -> "), e.getMessage());
    }

    @Test
    void selfLoopIsACycle() {
        final GraphBuilder b = new GraphBuilder();
        b.node("a", 1);
        b.edge("a", "a", EdgeKind.HARD);
        assertEquals(List.of("a"), assertThrows(CycleException.class, b::build).cycle());
    }

    @Test
    void badEdgesAreRejectedWithTheirNames() {
        final GraphBuilder b = new GraphBuilder();
        b.node("a", 1);
        b.node("b", 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.edge("a", "zz", EdgeKind.HARD))
            .getMessage().contains("unknown node 'zz'"));
        b.edge("a", "b", EdgeKind.HARD);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.edge("a", "b", EdgeKind.SOFT))
            .getMessage().contains("duplicate edge a -> b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.branch("b", "a", EdgeKind.PARALLEL, 0))
            .getMessage().contains("only HARD and SOFT"));
        assertThrows(IllegalArgumentException.class, () -> b.node("a", 1));
        assertThrows(IllegalArgumentException.class, () -> b.node("c", -1));
    }
}
