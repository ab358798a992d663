package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.NodeCommon;
import dev.symphony.pit.arbitration.api.ResourceKind;
import dev.symphony.pit.dag.api.NodeState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "evaluate resources" step of activation for nodes that declare {@code resources}: a ready node is offered
 * to the scheduling policy only once it holds every resource it declared. Resources are taken one at a time in
 * name order (no two nodes can each hold what the other waits for); each free place goes to the winner of an
 * {@link Arbitration} decision among every ready node wanting it. Grants and waits are events; holdings are
 * released when the node ends, and a grant that did not lead to a start in the same scheduling round (no free
 * slot, the policy chose another node) is given back: only running nodes hold resources.
 */
final class RunResources {
    record Need(String name, ResourceKind kind, int capacity) {
    }

    private final MelodyRun run;
    private final Map<Integer, List<String>> holding = new HashMap<>();
    private final Set<String> announced = new HashSet<>();

    RunResources(MelodyRun run) {
        this.run = run;
    }

    static List<Need> needs(MelodyNode n) {
        if (n == null) {
            return List.of();
        }
        Map<String, Need> out = new LinkedHashMap<>();
        for (NodeCommon.Resource r : n.common().resources()) {
            out.putIfAbsent(r.name(), new Need(r.name(), Arbitration.kind(r.kind()), r.capacity()));
        }
        List<Need> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparing(Need::name));
        return sorted;
    }

    /** The steps among {@code ready} that hold all their resources, after arbitrating free places. */
    List<Integer> admit(List<Integer> ready) {
        releaseAbandoned();
        boolean granted = true;
        while (granted) {
            granted = false;
            Map<String, List<Integer>> wanting = new LinkedHashMap<>();
            Map<String, Need> byName = new HashMap<>();
            for (int s : ready) {
                Need next = nextNeed(s);
                if (next != null) {
                    wanting.computeIfAbsent(next.name(), k -> new ArrayList<>()).add(s);
                    byName.put(next.name(), next);
                }
            }
            for (Map.Entry<String, List<Integer>> w : wanting.entrySet()) {
                Map<String, Integer> stepOf = new HashMap<>();
                List<Arbitration.Claim> claims = new ArrayList<>();
                for (int s : w.getValue()) {
                    String requester = run.plan.melody.name() + "/" + run.plan.step(s).name();
                    stepOf.put(requester, s);
                    double tail = run.plan.criticalPathMs > 0 ? run.plan.tailMs[s] / run.plan.criticalPathMs : 0;
                    claims.add(new Arbitration.Claim(requester, run.plan.step(s).node().common().priority(),
                            tail, 0.5, 0.5));
                }
                Need need = byName.get(w.getKey());
                for (Arbitration.Grant g : run.context.arbitration().grant(need.name(), need.kind(), need.capacity(), claims)) {
                    int s = stepOf.get(g.requester());
                    holding.computeIfAbsent(s, k -> new ArrayList<>()).add(need.name());
                    run.events.emit(new RunEvent.ResourceGranted(run.eventName(s), need.name(), g.rationale()));
                    granted = true;
                }
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int s : ready) {
            Need next = nextNeed(s);
            if (next == null) {
                out.add(s);
            } else if (announced.add(run.eventName(s) + "\n" + next.name())) {
                run.events.emit(new RunEvent.ResourceWaiting(run.eventName(s), next.name(), "held by another node ("
                        + run.context.arbitration().held(next.name()) + " of " + next.capacity() + ")"));
            }
        }
        return out;
    }

    /** The first declared resource (in name order) the step does not hold yet, or null. */
    private Need nextNeed(int s) {
        List<String> held = holding.getOrDefault(s, List.of());
        for (Need n : needs(run.plan.step(s).node())) {
            if (!held.contains(n.name())) {
                return n;
            }
        }
        return null;
    }

    void release(int s) {
        List<String> held = holding.remove(s);
        if (held != null) {
            held.forEach(run.context.arbitration()::release);
        }
        announced.removeIf(k -> k.startsWith(run.eventName(s) + "\n"));
    }

    /** Every holding of a node that is not running is given back (it contends again next time). */
    void releaseIdle() {
        for (int s : new ArrayList<>(holding.keySet())) {
            if (!run.state.isRunning(s)) {
                List<String> held = holding.remove(s);
                held.forEach(run.context.arbitration()::release);
            }
        }
    }

    /** A granted node that left READY without starting (skipped, cancelled, failed a precondition) lets go. */
    private void releaseAbandoned() {
        for (int s : new ArrayList<>(holding.keySet())) {
            if (!run.state.isRunning(s) && run.tracker.state(s) != NodeState.READY) {
                release(s);
            }
        }
    }

    /** Some ready node waits for a resource (with nothing of this run running, another run holds it). */
    boolean waitingForOthers() {
        return !announced.isEmpty();
    }

    void releaseAll() {
        for (int s : new ArrayList<>(holding.keySet())) {
            release(s);
        }
    }
}
