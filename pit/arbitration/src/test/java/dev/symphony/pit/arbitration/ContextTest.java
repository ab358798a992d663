package dev.symphony.pit.arbitration;

import dev.symphony.pit.arbitration.api.ArbiterContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextTest {

    @Test
    void concludeNamesTheBadSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new ArbiterContext().decisionLogCapacity(1000).conclude()).getMessage().contains("power of two"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new ArbiterContext().maxContenders(300).conclude()).getMessage().contains("maxContenders"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new ArbiterContext().starvationThreshold(0).conclude()).getMessage().contains("starvationThreshold"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new ArbiterContext().weights(null).conclude()).getMessage().contains("weights"));
    }
}
