package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.PoolManager;
import dev.symphony.pit.pool.api.PoolManagerContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextTest {
    private static final ModelLoader NOTHING = new ModelLoader() {
        @Override
        public void load(final int modelId, final ModelSpec spec, final boolean predictive) {
        }

        @Override
        public void unload(final int modelId, final ModelSpec spec) {
        }
    };

    @Test
    void concludeNamesTheMissingOrBadSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new PoolManagerContext().memoryBudgetBytes(1).conclude()).getMessage().contains("modelLoader"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new PoolManagerContext().modelLoader(NOTHING).conclude()).getMessage().contains("memoryBudgetBytes"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new PoolManagerContext().modelLoader(NOTHING).memoryBudgetBytes(10).preloadMemoryBudgetBytes(20)
                .conclude()).getMessage().contains("preloadMemoryBudgetBytes (20) must not exceed"));
        assertThrows(IllegalArgumentException.class,
            () -> new PoolManagerContext().modelLoader(NOTHING).memoryBudgetBytes(10).slotCount(0).conclude());
    }

    @Test
    void defaultsAreFilledPerInstance() {
        final PoolManagerContext ctx = new PoolManagerContext().modelLoader(NOTHING).memoryBudgetBytes(400).conclude();
        assertNotNull(ctx.nanoClock());
        assertEquals(100, ctx.preloadMemoryBudgetBytes(), "a quarter of the memory budget");
        final PoolManager a = PoolManager.create(ctx);
        final PoolManager b = PoolManager.create(new PoolManagerContext().modelLoader(NOTHING).memoryBudgetBytes(1));
        a.registerHost("h");
        assertEquals(0, b.registerHost("h"), "no state shared between pools");
    }
}
