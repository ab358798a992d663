package dev.symphony.conductor.run;

import dev.symphony.pit.arbitration.api.Arbiter;
import dev.symphony.pit.arbitration.api.ArbiterContext;
import dev.symphony.pit.arbitration.api.Contention;
import dev.symphony.pit.arbitration.api.DecisionRecord;
import dev.symphony.pit.arbitration.api.ResourceKind;
import dev.symphony.pit.arbitration.api.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.EpochClock;

/**
 * Contested resources that Melody nodes declare ({@code "resources"}: a file they write, a model slot, a
 * concurrency-limited Instrument) are granted by the Pit's arbitration engine, not first-come: when a
 * resource has a free place, every ready node that wants it contends, the arbiter decides (PRIORITIZATION over
 * the node's {@code priority} and critical-path position, with its starvation bound) and its logged rationale
 * goes into the run's events. Holdings are counted here (the arbiter decides, it does not hold). One per
 * {@link Conductor} by default, so runs of one process share it; thread-safe (the arbiter is single-threaded,
 * every call is serialized here). Requesters are "MELODY/NODE" and reused across runs; if the arbiter's
 * registries fill up, a fresh arbiter takes over (its fairness ledger starts over).
 */
public final class Arbitration {
    /** A ready node's claim: its requester name and the four scoring dimensions in [0, 1]. */
    public record Claim(String requester, double businessValue, double userImpact, double costEfficiency,
                        double learningValue) {
    }

    /** A grant: who won and why (the arbiter's rationale). */
    public record Grant(String requester, String rationale) {
    }

    private static final int MAX_REQUESTERS = 1024;
    private static final int MAX_RESOURCES = 256;
    private final EpochClock clock;
    private Arbiter arbiter;
    private Contention contention;
    private final Map<String, Integer> requesters = new HashMap<>();
    private final Map<String, Integer> resources = new HashMap<>();
    private final Map<String, Integer> capacity = new HashMap<>();
    private final Map<String, Integer> held = new HashMap<>();

    public Arbitration(EpochClock clock) {
        this.clock = clock; // the arbiter (ledger ~3 MB, decision log) is made on the first contention
    }

    private void fresh() {
        arbiter = Arbiter.create(new ArbiterContext().epochClock(clock).maxRequesters(MAX_REQUESTERS)
                .maxResources(MAX_RESOURCES).maxContenders(64));
        contention = arbiter.newContention();
        requesters.clear();
        resources.clear();
    }

    public static ResourceKind kind(String name) {
        return switch (name == null ? "file" : name) {
            case "model", "model_slot" -> ResourceKind.MODEL_SLOT;
            case "gpu" -> ResourceKind.GPU;
            case "budget" -> ResourceKind.BUDGET;
            default -> ResourceKind.FILE;
        };
    }

    /**
     * Grants free places of {@code resource} among {@code claims} (at most the free places; a resource is first
     * seen with {@code kind} and {@code cap}). Returns the winners in grant order; the others keep waiting.
     */
    public synchronized List<Grant> grant(String resource, ResourceKind kind, int cap, List<Claim> claims) {
        capacity.putIfAbsent(resource, Math.max(1, cap));
        int free = capacity.get(resource) - held.getOrDefault(resource, 0);
        List<Claim> left = new ArrayList<>(claims.subList(0, Math.min(claims.size(), 64)));
        List<Grant> out = new ArrayList<>();
        while (free > 0 && !left.isEmpty()) {
            if (arbiter == null || requesters.size() + left.size() > MAX_REQUESTERS
                    || (resources.size() >= MAX_RESOURCES && !resources.containsKey(resource))) {
                fresh(); // before any id of this decision is taken from the old arbiter
            }
            int res = resourceId(resource, kind);
            contention.reset(res, Strategy.PRIORITIZATION);
            List<Integer> ids = new ArrayList<>();
            for (Claim c : left) {
                int id = requesterId(c.requester());
                ids.add(id);
                contention.add(id, clamp(c.businessValue()), clamp(c.userImpact()), clamp(c.costEfficiency()),
                        clamp(c.learningValue()));
            }
            int winner = arbiter.decide(contention);
            DecisionRecord record = arbiter.log().read(contention.sequence());
            int k = ids.indexOf(winner);
            out.add(new Grant(left.get(k).requester(), record == null ? "decision #" + contention.sequence() : record.rationale()));
            left.remove(k);
            held.merge(resource, 1, Integer::sum);
            free--;
        }
        return out;
    }

    public synchronized void release(String resource) {
        held.computeIfPresent(resource, (r, n) -> n <= 1 ? null : n - 1);
    }

    public synchronized int held(String resource) {
        return held.getOrDefault(resource, 0);
    }

    private int requesterId(String name) {
        Integer id = requesters.get(name);
        if (id == null) {
            id = arbiter.registerRequester(name);
            requesters.put(name, id);
        }
        return id;
    }

    private int resourceId(String name, ResourceKind kind) {
        Integer id = resources.get(name);
        if (id == null) {
            id = arbiter.registerResource(kind, name, capacity.get(name), 0L, Strategy.PRIORITIZATION);
            resources.put(name, id);
        }
        return id;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
