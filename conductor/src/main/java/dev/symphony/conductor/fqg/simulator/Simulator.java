package dev.symphony.conductor.fqg.simulator;

import dev.symphony.conductor.fqg.game.FunctionSpec;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.game.PuzzleGraph;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.Arrays;

/**
 * Plays episodes of one puzzle. Work-conserving: whenever a slot is free and some ready function has an
 * allowed Instrument (free capacity, cost within the remaining budget), the policy picks one candidate and
 * its attempt starts; then time jumps to the earliest attempt end. A failed attempt puts its function back
 * in the ready set (retried, charged again); the episode succeeds when the goal function's value is
 * produced before the deadline. Reusable for many episodes; not thread-safe. A planner's copy continues from
 * another simulator's state with fresh luck ({@link #forkFrom}, {@link #playFrom}).
 */
public final class Simulator {
    static final int READY = 1;
    static final int BLOCKED = 0;
    static final int RUNNING = 2;
    static final int DONE = 3;

    private final Puzzle puzzle;
    private final Preset preset;
    private final FeatureWriter features;
    private final Decision decision = new Decision();
    private float[] scores = new float[64];

    // Episode state, reset by run().
    private final int[] status;
    private final int[] waitingInputs;
    private final int[] attemptsOf;
    private final long[] readySequence;
    private final long[] values;
    private final int[][] busy;
    private final int[] runNode;
    private final int[] runInstrument;
    private final double[] runStart;
    private final double[] runEnd;
    private final boolean[] runFails;
    private int runningCount;
    private double now;
    private double cost;
    private int decisions;
    private int attempts;
    private int failedAttempts;
    private long sequence;
    private long outcomeSeed;

    public Simulator(Puzzle puzzle, Preset preset) {
        this.puzzle = puzzle;
        this.preset = preset;
        this.features = new FeatureWriter(puzzle, preset);
        int n = puzzle.size();
        status = new int[n];
        waitingInputs = new int[n];
        attemptsOf = new int[n];
        readySequence = new long[n];
        values = new long[n];
        busy = new int[n][];
        for (int i = 0; i < n; i++) {
            busy[i] = new int[puzzle.function(i).instruments().size()];
        }
        runNode = new int[puzzle.slots()];
        runInstrument = new int[puzzle.slots()];
        runStart = new double[puzzle.slots()];
        runEnd = new double[puzzle.slots()];
        runFails = new boolean[puzzle.slots()];
    }

    public Puzzle puzzle() {
        return puzzle;
    }

    public Preset preset() {
        return preset;
    }

    public EpisodeResult run(SchedulingPolicy policy, long outcomeSeed) {
        return run(policy, outcomeSeed, SimulationListener.NONE, null);
    }

    public EpisodeResult run(SchedulingPolicy policy, long outcomeSeed, SimulationListener listener, LatencySink latency) {
        int n = puzzle.size();
        PuzzleGraph g = puzzle.graph();
        sequence = 0;
        for (int i = 0; i < n; i++) {
            waitingInputs[i] = g.predecessors(i).length;
            status[i] = waitingInputs[i] == 0 ? READY : BLOCKED;
            readySequence[i] = waitingInputs[i] == 0 ? sequence++ : Long.MAX_VALUE;
            attemptsOf[i] = 0;
            values[i] = 0;
            Arrays.fill(busy[i], 0);
        }
        runningCount = 0;
        now = 0;
        cost = 0;
        decisions = 0;
        attempts = 0;
        failedAttempts = 0;
        this.outcomeSeed = outcomeSeed;
        return play(policy, listener, latency);
    }

    /**
     * Makes this simulator (of the same puzzle) continue from {@code source}'s current state as a planner would
     * see it: what is done, running, ready, spent and the time, but not the luck. Attempts in flight get a
     * fresh latency and failure draw from {@code rolloutSeed} (an end already past becomes "now"), and so do
     * later attempts. Used by rollout planners ({@link SimulatorAware}); the source is not changed.
     */
    public void forkFrom(Simulator source, long rolloutSeed) {
        if (source.puzzle != puzzle) {
            throw new IllegalArgumentException("a fork needs a simulator of the same puzzle");
        }
        int n = puzzle.size();
        System.arraycopy(source.status, 0, status, 0, n);
        System.arraycopy(source.waitingInputs, 0, waitingInputs, 0, n);
        System.arraycopy(source.attemptsOf, 0, attemptsOf, 0, n);
        System.arraycopy(source.readySequence, 0, readySequence, 0, n);
        System.arraycopy(source.values, 0, values, 0, n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(source.busy[i], 0, busy[i], 0, busy[i].length);
        }
        runningCount = source.runningCount;
        now = source.now;
        cost = source.cost;
        decisions = source.decisions;
        attempts = source.attempts;
        failedAttempts = source.failedAttempts;
        sequence = source.sequence;
        outcomeSeed = rolloutSeed;
        for (int s = 0; s < runningCount; s++) {
            int node = source.runNode[s];
            int attempt = attemptsOf[node] - 1;
            Instrument ins = puzzle.function(node).instruments().get(source.runInstrument[s]);
            runNode[s] = node;
            runInstrument[s] = source.runInstrument[s];
            runStart[s] = source.runStart[s];
            runEnd[s] = Math.max(now, runStart[s] + latency(ins, node, attempt));
            runFails[s] = Outcomes.failureDraw(outcomeSeed, node, attempt) < ins.failureRate();
        }
    }

    /** After {@link #forkFrom}: starts candidate (node, Instrument), then lets {@code policy} play to the end. */
    public EpisodeResult playFrom(int node, int instrument, SchedulingPolicy policy) {
        decisions++;
        cost += start(node, instrument, SimulationListener.NONE);
        attempts++;
        return play(policy, SimulationListener.NONE, null);
    }

    /** What a planner may read of the episode in progress: the state, not the outcome seed. */
    public double now() { return now; }
    public double spent() { return cost; }
    public boolean isDone(int function) { return status[function] == DONE; }
    public boolean isRunning(int function) { return status[function] == RUNNING; }
    public int runningCount() { return runningCount; }

    private EpisodeResult play(SchedulingPolicy policy, SimulationListener listener, LatencySink latency) {
        if (policy instanceof SimulatorAware aware) {
            aware.attach(this);
        }
        PuzzleGraph g = puzzle.graph();
        while (true) {
            while (runningCount < puzzle.slots()) {
                features.fill(decision, status, busy, attemptsOf, readySequence, now, cost, puzzle.slots() - runningCount);
                if (decision.count() == 0) {
                    break;
                }
                if (scores.length < decision.count()) {
                    scores = new float[decision.count() * 2];
                }
                long t0 = latency == null ? 0 : System.nanoTime();
                int chosen = policy.choose(decision, scores);
                if (latency != null) {
                    latency.record(System.nanoTime() - t0);
                }
                if (chosen < 0 || chosen >= decision.count()) {
                    throw new IllegalStateException(policy.name() + " chose candidate " + chosen + " of " + decision.count());
                }
                listener.onDecision(decision, chosen);
                decisions++;
                cost += start(decision.node(chosen), decision.instrument(chosen), listener);
                attempts++;
            }
            if (runningCount == 0) {
                return finish(false, EpisodeResult.Failure.BUDGET, puzzle.deadline());
            }
            int next = earliest();
            if (runEnd[next] > puzzle.deadline()) {
                return finish(false, EpisodeResult.Failure.DEADLINE, puzzle.deadline());
            }
            now = runEnd[next];
            int node = runNode[next];
            int instrument = runInstrument[next];
            boolean failed = runFails[next];
            removeRunning(next);
            busy[node][instrument]--;
            if (failed) {
                failedAttempts++;
                status[node] = READY;
                readySequence[node] = sequence++;
                listener.onAttemptFinished(now, node, instrument, false, 0);
                continue;
            }
            FunctionSpec f = puzzle.function(node);
            values[node] = f.apply(Puzzle.inputsOf(f, values, puzzle.inputValue()));
            status[node] = DONE;
            listener.onAttemptFinished(now, node, instrument, true, values[node]);
            if (node == puzzle.goalIndex()) {
                boolean reached = values[node] == puzzle.goalValue();
                return finish(reached, EpisodeResult.Failure.NONE, now);
            }
            for (int s : g.successors(node)) {
                if (--waitingInputs[s] == 0) {
                    status[s] = READY;
                    readySequence[s] = sequence++;
                }
            }
        }
    }

    /** An attempt's latency: the Instrument's mean times log-normal jitter (mean 1) drawn for (node, attempt). */
    private double latency(Instrument ins, int node, int attempt) {
        double jitter = Outcomes.jitterDraw(outcomeSeed, node, attempt);
        double sigma = preset.latencyJitterSigma();
        return ins.meanLatency() * Math.exp(sigma * jitter - sigma * sigma / 2);
    }

    private double start(int node, int instrument, SimulationListener listener) {
        Instrument ins = puzzle.function(node).instruments().get(instrument);
        int attempt = attemptsOf[node]++;
        int slot = runningCount++;
        runNode[slot] = node;
        runInstrument[slot] = instrument;
        runStart[slot] = now;
        runEnd[slot] = now + latency(ins, node, attempt);
        runFails[slot] = Outcomes.failureDraw(outcomeSeed, node, attempt) < ins.failureRate();
        status[node] = RUNNING;
        busy[node][instrument]++;
        listener.onAttemptStarted(now, node, instrument, runningCount);
        return ins.cost();
    }

    private int earliest() {
        int best = 0;
        for (int i = 1; i < runningCount; i++) {
            if (runEnd[i] < runEnd[best] || (runEnd[i] == runEnd[best] && runNode[i] < runNode[best])) {
                best = i;
            }
        }
        return best;
    }

    private void removeRunning(int slot) {
        int last = --runningCount;
        runNode[slot] = runNode[last];
        runInstrument[slot] = runInstrument[last];
        runStart[slot] = runStart[last];
        runEnd[slot] = runEnd[last];
        runFails[slot] = runFails[last];
    }

    private EpisodeResult finish(boolean success, EpisodeResult.Failure failure, double makespan) {
        EpisodeResult.Failure why = success ? EpisodeResult.Failure.NONE
                : failure == EpisodeResult.Failure.NONE ? EpisodeResult.Failure.DEADLINE : failure;
        double span = success ? makespan : puzzle.deadline();
        return new EpisodeResult(success, why, span, cost, preset.reward(success, cost, span), decisions, attempts,
                failedAttempts, values[puzzle.goalIndex()]);
    }
}
