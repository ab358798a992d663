package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.ModelState;
import org.agrona.concurrent.AgentInvoker;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pool as an Agrona agent, driven deterministically by an {@link AgentInvoker}. */
class AgentDutyCycleTest {

    @Test
    void invokerRunsHousekeepingAndReportsWork() {
        final PoolFixture f = new PoolFixture().start();
        final int m = f.model("a", 100);
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        f.pool.release(f.allocateReady(m, 1, 1), 1, true);
        final AgentInvoker invoker = new AgentInvoker(Throwable::printStackTrace, null, f.pool);
        invoker.start();
        assertEquals(0, invoker.invoke(), "nothing due yet: the idle strategy may back off");
        f.now += 1_001;
        f.pool.onHeartbeat(f.host);
        assertEquals(1, invoker.invoke(), "one cooldown expired");
        assertEquals(ModelState.IDLE, f.pool.modelState(m));
        invoker.close();
        assertEquals("pit-pool-manager", f.pool.roleName());
    }
}
