package dev.symphony.pit.arbitration.bench;

import dev.symphony.pit.arbitration.api.Arbiter;
import dev.symphony.pit.arbitration.api.ArbiterContext;
import dev.symphony.pit.arbitration.api.Contention;
import dev.symphony.pit.arbitration.api.ResourceKind;
import dev.symphony.pit.arbitration.api.ScoringWeights;
import dev.symphony.pit.arbitration.api.Strategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One decision among 16 contenders, each scored on all four dimensions and offering capabilities: fill the
 * reusable contention, decide (fairness ledger, strategy, shares) and write the rationale to the log ring.
 * Inputs cycle through 1,024 pre-drawn conflicts over 8 resources. {@code strategy=MIXED} rotates through all
 * four strategies.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionBenchmark {
    private static final int CONTENDERS = 16;
    private static final int CONFLICTS = 1024;

    @Param({"PRIORITIZATION", "MIXED"})
    public String strategy;

    private Arbiter arbiter;
    private Contention contention;
    private final double[][] dims = new double[CONFLICTS * CONTENDERS][4];
    private final long[] caps = new long[CONFLICTS * CONTENDERS];
    private final int[] requester = new int[CONFLICTS * CONTENDERS];
    private final Strategy[] strategies = new Strategy[CONFLICTS];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        arbiter = Arbiter.create(new ArbiterContext().weights(new ScoringWeights(0.4, 0.3, 0.2, 0.1)));
        for (int q = 0; q < 64; q++) {
            arbiter.registerRequester("agent-" + q);
        }
        final ResourceKind[] kinds = ResourceKind.values();
        for (int r = 0; r < 8; r++) {
            arbiter.registerResource(kinds[r % kinds.length], "resource-" + r, 1 + r % 3, 0b1011L << r,
                Strategy.PRIORITIZATION);
        }
        contention = arbiter.newContention();
        final Random rnd = new Random(11);
        final Strategy[] all = Strategy.values();
        for (int k = 0; k < CONFLICTS; k++) {
            strategies[k] = strategy.equals("MIXED") ? all[k % all.length] : Strategy.valueOf(strategy);
            final int first = rnd.nextInt(64);
            for (int i = 0; i < CONTENDERS; i++) {
                final int j = k * CONTENDERS + i;
                requester[j] = (first + i * 3) % 64; // distinct within a conflict
                for (int d = 0; d < 4; d++) {
                    dims[j][d] = rnd.nextDouble();
                }
                caps[j] = rnd.nextLong();
            }
        }
    }

    private int decide() {
        final int k = next;
        next = (k + 1) & (CONFLICTS - 1);
        final Contention c = contention.reset(k & 7, strategies[k]);
        for (int i = 0, j = k * CONTENDERS; i < CONTENDERS; i++, j++) {
            final double[] d = dims[j];
            c.add(requester[j], d[0], d[1], d[2], d[3], caps[j], d[0]);
        }
        return arbiter.decide(c);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int decisionLatency() {
        return decide();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int decisionThroughput() {
        return decide();
    }
}
