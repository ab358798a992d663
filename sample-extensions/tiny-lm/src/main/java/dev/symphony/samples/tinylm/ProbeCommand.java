package dev.symphony.samples.tinylm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.samples.tinylm.model.CharLm;
import dev.symphony.samples.tinylm.model.Sampler;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code symphony tiny-lm probe [--calls N] [--tokens T]}: loads the shipped model in this process and measures
 * what the manifest's latency profile declares. stdout: one JSON line {@code loadMs} (cold engine start + model,
 * as the first call pays it), {@code tokenP50Us}/{@code tokenP99Us} (one sampled token: a GRU step + sampling),
 * {@code callP50Ms}/{@code callP99Ms} (a whole generation of T tokens after a 14-character prompt),
 * {@code tokensPerSec}. Exit 0 ok, 1 failed, 2 usage.
 */
public final class ProbeCommand {
    private ProbeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int calls = 30;
        int tokens = 200;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--calls" -> calls = Integer.parseInt(args[++i]);
                    case "--tokens" -> tokens = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (calls < 2 || tokens < 1) {
                throw new IllegalArgumentException("--calls must be >= 2 and --tokens >= 1");
            }
        } catch (RuntimeException e) {
            err.println("tiny-lm probe: " + e.getMessage() + "\nusage: tiny-lm probe [--calls N] [--tokens T]");
            return 2;
        }
        try (LazyModel model = LazyModel.shipped()) {
            CharLm lm = model.get();
            long[] tokenNanos = new long[calls * tokens];
            long[] callNanos = new long[calls];
            int warmup = Math.max(1, calls / 5);
            for (int c = -warmup; c < calls; c++) {
                long callStart = System.nanoTime();
                float[] state = lm.newState();
                float[] logits = lm.feed(lm.vocabulary().encode("The conductor "), state);
                Sampler sampler = new Sampler(0.8, c);
                for (int t = 0; t < tokens; t++) {
                    long s = System.nanoTime();
                    int id = sampler.next(logits);
                    logits = lm.feed(new int[] {id}, state);
                    if (c >= 0) {
                        tokenNanos[c * tokens + t] = System.nanoTime() - s;
                    }
                }
                if (c >= 0) {
                    callNanos[c] = System.nanoTime() - callStart;
                }
            }
            Arrays.sort(tokenNanos);
            Arrays.sort(callNanos);
            double total = Arrays.stream(callNanos).sum() / 1e9;
            out.println(new ObjectMapper().createObjectNode().put("loadMs", model.loadMillis())
                    .put("tokenP50Us", round(pct(tokenNanos, 0.50) / 1e3)).put("tokenP99Us", round(pct(tokenNanos, 0.99) / 1e3))
                    .put("callP50Ms", round(pct(callNanos, 0.50) / 1e6)).put("callP99Ms", round(pct(callNanos, 0.99) / 1e6))
                    .put("tokens", tokens).put("calls", calls).put("tokensPerSec", Math.round(calls * tokens / total)));
            return 0;
        } catch (Exception e) {
            err.println("tiny-lm probe: " + e);
            return 1;
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
