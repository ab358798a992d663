package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.NodeCommon;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.pit.dag.api.NodeState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Deferred choice (WCP16), on the run's thread: a ready node that {@code awaits} an event does not start until
 * its event is in the run's {@link RunInbox} (or its timer, on the run's clock, has passed since it became
 * ready; an event delivered before the run started does not count). The first node of a choice whose event arrives starts; the other nodes of that choice are withdrawn
 * without starting (with what depends on them alone). Events that arrive between two checks (the run looks
 * every 10 ms while it has nothing else to do) are taken in node order.
 */
final class DeferredChoice {
    private final MelodyRun run;
    private final Map<String, Integer> decided = new HashMap<>();
    private final Map<Integer, Long> readySince = new HashMap<>();
    private final Map<Integer, JsonNode> payloads = new HashMap<>();
    /** Deliveries before the run (this graph) started executing do not count. */
    private long mark;

    DeferredChoice(MelodyRun run) {
        this.run = run;
    }

    /** The run starts executing: only events delivered from now on count. */
    void begin() {
        mark = run.context.inbox().mark();
    }

    /** May step {@code s}, which awaits {@code a}, start now? Decides its choice when its event has arrived. */
    boolean admit(int s, NodeCommon.Awaits a) {
        Integer winner = decided.get(a.choice());
        if (winner != null) {
            return winner == s;
        }
        long now = run.context.clock().time();
        long since = readySince.computeIfAbsent(s, k -> now);
        Optional<JsonNode> payload = a.event() != null ? run.context.inbox().arrived(a.event(), mark) : Optional.empty();
        boolean arrived = a.event() != null ? payload.isPresent() : now - since >= a.afterMs();
        if (!arrived) {
            return false;
        }
        decided.put(a.choice(), s);
        payload.ifPresent(p -> payloads.put(s, p));
        String why = a.event() != null ? "event " + a.event() + " arrived" : a.afterMs() + " ms passed";
        run.events.emit(new RunEvent.NodeProgress(run.eventName(s), null, null, why + ": deferred choice '" + a.choice()
                + "' takes this branch"));
        for (int o = 0; o < run.plan.graph.nodeCount(); o++) {
            MelodyNode other = run.plan.step(o).node();
            NodeState st = run.tracker.state(o);
            if (o != s && other != null && other.common().awaits() != null && other.common().awaits().choice().equals(a.choice())
                    && (st == NodeState.PENDING || st == NodeState.READY)) {
                run.withdraw(o, "deferred choice '" + a.choice() + "': " + why + " first, for " + run.eventName(s));
            }
        }
        return true;
    }

    /** True while a ready node waits for its event: the run waits with it instead of ending. */
    boolean waiting() {
        for (int i = 0; i < run.tracker.readyCount(); i++) {
            int s = run.tracker.readyAt(i);
            MelodyNode n = run.plan.step(s).node();
            if (n != null && n.common().awaits() != null && !decided.containsKey(n.common().awaits().choice())) {
                return true;
            }
        }
        return false;
    }

    /** {@code scope} with the winning node's event payload as {@code event}. */
    Expr.Scope withEvent(int s, Expr.Scope scope) {
        JsonNode payload = payloads.get(s);
        return payload == null ? scope : root -> root.equals("event") ? payload : scope.apply(root);
    }
}
