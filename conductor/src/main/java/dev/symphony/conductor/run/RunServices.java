package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.NodeType;
import java.util.List;
import org.agrona.concurrent.EpochClock;

/** The {@link CallServices} of one run (or nested run): immutable references to its thread-safe parts. */
record RunServices(RunContext context, Melody melody, RunEvents events, RunBudget sharedBudget, RunStats stats)
        implements CallServices {
    @Override
    public Capabilities capabilities() {
        return context.capabilities();
    }

    @Override
    public boolean preview() {
        return context.preview();
    }

    @Override
    public EpochClock clock() {
        return context.clock();
    }

    @Override
    public Sleeper sleeper() {
        return context.sleeper();
    }

    @Override
    public int maxConcurrency() {
        return context.maxConcurrency() > 0 ? context.maxConcurrency() : melody.limits().maxConcurrency();
    }

    @Override
    public List<CapabilitySpec> providers(MelodyNode n) {
        if (n.type() != NodeType.CALL) {
            return List.of();
        }
        if (n.extension() != null) { // no lambda here: a call site's first use links it (~0.3 ms in a fresh JVM, inside a decision)
            java.util.Optional<CapabilitySpec> one = context.capabilities().find(n.extension(), n.capability());
            return one.isPresent() ? List.of(one.get()) : List.of();
        }
        return context.capabilities().offering(n.capability(), n.call().kind());
    }
}
