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
 * produced before the deadline. Reusable for many episodes; not thread-safe.
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
    private final double[] runEnd;
    private final boolean[] runFails;
    private int runningCount;

    public Simulator(Puzzle puzzle, Preset preset) {
        this.puzzle = puzzle;
        this.preset = preset;
        this.features = new FeatureWriter(puzzle);
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
        runEnd = new double[puzzle.slots()];
        runFails = new boolean[puzzle.slots()];
    }

    public Puzzle puzzle() {
        return puzzle;
    }

    public EpisodeResult run(SchedulingPolicy policy, long outcomeSeed) {
        return run(policy, outcomeSeed, SimulationListener.NONE, null);
    }

    public EpisodeResult run(SchedulingPolicy policy, long outcomeSeed, SimulationListener listener, LatencySink latency) {
        int n = puzzle.size();
        PuzzleGraph g = puzzle.graph();
        long sequence = 0;
        for (int i = 0; i < n; i++) {
            waitingInputs[i] = g.predecessors(i).length;
            status[i] = waitingInputs[i] == 0 ? READY : BLOCKED;
            readySequence[i] = waitingInputs[i] == 0 ? sequence++ : Long.MAX_VALUE;
            attemptsOf[i] = 0;
            values[i] = 0;
            Arrays.fill(busy[i], 0);
        }
        runningCount = 0;
        double now = 0;
        double cost = 0;
        int decisions = 0;
        int attempts = 0;
        int failedAttempts = 0;
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
                cost += start(decision.node(chosen), decision.instrument(chosen), now, outcomeSeed, listener);
                attempts++;
            }
            if (runningCount == 0) {
                return finish(false, EpisodeResult.Failure.BUDGET, puzzle.deadline(), cost, decisions, attempts, failedAttempts);
            }
            int next = earliest();
            if (runEnd[next] > puzzle.deadline()) {
                return finish(false, EpisodeResult.Failure.DEADLINE, puzzle.deadline(), cost, decisions, attempts, failedAttempts);
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
                return finish(reached, EpisodeResult.Failure.NONE, now, cost, decisions, attempts, failedAttempts);
            }
            for (int s : g.successors(node)) {
                if (--waitingInputs[s] == 0) {
                    status[s] = READY;
                    readySequence[s] = sequence++;
                }
            }
        }
    }

    private double start(int node, int instrument, double now, long outcomeSeed, SimulationListener listener) {
        Instrument ins = puzzle.function(node).instruments().get(instrument);
        int attempt = attemptsOf[node]++;
        double jitter = Outcomes.jitterDraw(outcomeSeed, node, attempt);
        double sigma = preset.latencyJitterSigma();
        double latency = ins.meanLatency() * Math.exp(sigma * jitter - sigma * sigma / 2);
        int slot = runningCount++;
        runNode[slot] = node;
        runInstrument[slot] = instrument;
        runEnd[slot] = now + latency;
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
        runEnd[slot] = runEnd[last];
        runFails[slot] = runFails[last];
    }

    private EpisodeResult finish(boolean success, EpisodeResult.Failure failure, double makespan, double cost,
                                 int decisions, int attempts, int failedAttempts) {
        EpisodeResult.Failure why = success ? EpisodeResult.Failure.NONE
                : failure == EpisodeResult.Failure.NONE ? EpisodeResult.Failure.DEADLINE : failure;
        double span = success ? makespan : puzzle.deadline();
        return new EpisodeResult(success, why, span, cost, preset.reward(success, cost, span), decisions, attempts,
                failedAttempts, values[puzzle.goalIndex()]);
    }
}
