package dev.symphony.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Work handed to the bridge after the workbench closed is dropped, not failed: a CI run's DiffViewUiTest got a
 * RejectedExecutionException from a diff view's recompute timer that fired after its workbench had closed.
 */
class FxBridgeTest {

    @Test
    void workAfterCloseIsDroppedWithoutAnError() {
        FxBridge bridge = new FxBridge();
        bridge.close();
        AtomicInteger ran = new AtomicInteger();
        bridge.compute(() -> ran.incrementAndGet(), r -> ran.incrementAndGet(), e -> ran.incrementAndGet());
        assertEquals(0, ran.get(), "nothing ran for a closed workbench");
    }
}
