package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.MelodyNode;
import java.util.List;
import org.agrona.concurrent.EpochClock;

/**
 * All a node call may use of its run, from a worker thread: where capabilities are, the run's clock and
 * sleeper, its events, its shared budget and per-provider statistics (with the pool manager's model slots).
 * None of the run's scheduling state (tracker, running set, outputs) is reachable from here: that is owned by
 * the run's thread.
 */
interface CallServices {
    Capabilities capabilities();

    boolean preview();

    EpochClock clock();

    Sleeper sleeper();

    RunEvents events();

    RunBudget sharedBudget();

    RunStats stats();

    /** Who can run a call node: its fixed extension, or Maestro's choice among every provider. */
    List<CapabilitySpec> providers(MelodyNode node);

    /** How many calls may run at once (the run's limit): a forEach node's instances share it. */
    int maxConcurrency();
}
