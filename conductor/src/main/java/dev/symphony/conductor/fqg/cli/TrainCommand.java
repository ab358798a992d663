package dev.symphony.conductor.fqg.cli;

import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.training.PolicyGradientTrainer;
import dev.symphony.conductor.fqg.training.RealTransitions;
import dev.symphony.conductor.learning.TrainingData;
import dev.symphony.conductor.fqg.training.TrainingContext;
import dev.symphony.conductor.fqg.training.TrainingReport;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code fqg train [--seed S] [--episodes N] [--out FILE] [--continue [--real DIR | --no-real]] [--preset P]}:
 * trains the policy on puzzles of seed S (validation on seed S+1) and writes the best weights to FILE
 * (default: the user's data folder, {@code policy/fqg-policy.params}, which {@code run} and {@code serve} load
 * before the shipped policy). {@code --continue} starts from FILE if it exists, else from the shipped policy,
 * and also learns from the decisions recorded by real runs (DIR, default {@code <data>/policy/real-runs}; the
 * local files, not the archive) after every batch; with {@code --episodes 0} it learns from those alone.
 * {@code --imitate BASELINE} first clones a baseline's choices (behaviour cloning on {@code --imitate-episodes N}
 * episodes, default 2,000) as a warm start, then {@code --dagger R} DAgger rounds (the network plays, the baseline
 * labels the states it reaches); {@code --entropy-final X} anneals the entropy bonus to X. With {@code --imitate},
 * {@code --episodes 0} skips REINFORCE. {@code --mix PRESET:BASELINE:EPISODES} adds a second label stream to the
 * imitation (BASELINE labels EPISODES puzzles of PRESET per round) and keeps only rounds whose PRESET validation
 * is not below BASELINE's there.
 * Prints one JSON line with the training report.
 */
public final class TrainCommand {
    public static final int DEFAULT_EPISODES = 20_000;
    /** Scale of the real decisions' advantages next to the FQG batches' (which are standardized to 1). */
    static final float REAL_WEIGHT = 0.5f;

    private TrainCommand() {
    }

    public static Path defaultPolicyFile() {
        return DjlPolicy.userPolicyFile();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        TrainingContext ctx;
        Path file;
        boolean resume;
        try {
            Args a = Args.parse(args, 0, Set.of("--seed", "--episodes", "--out", "--preset", "--real", "--imitate",
                            "--imitate-episodes", "--entropy-final", "--dagger", "--mix"),
                    Set.of("--continue", "--no-real"));
            long seed = a.longValue("--seed", 1L);
            file = Path.of(a.string("--out", defaultPolicyFile().toString()));
            resume = a.flag("--continue");
            if (!resume && (a.flag("--no-real") || a.string("--real", null) != null)) {
                throw new Args.UsageException("--real and --no-real go with --continue");
            }
            RealTransitions real = null;
            if (resume && !a.flag("--no-real")) {
                TrainingData data = a.string("--real", null) == null ? TrainingData.userDefault()
                        : new TrainingData(Path.of(a.string("--real", null)));
                List<Path> files = data.localFiles();
                real = RealTransitions.of(TrainingData.read(files), files.size(), REAL_WEIGHT);
                err.printf(Locale.ROOT, "fqg train: %d recorded decisions with a choice from %d real runs in %s%n",
                        real.decisions(), files.size(), data.root());
            }
            String imitate = a.string("--imitate", null);
            int episodes = resume || imitate != null ? a.nonNegativeInt("--episodes", DEFAULT_EPISODES)
                    : a.positiveInt("--episodes", DEFAULT_EPISODES);
            if (episodes == 0 && imitate == null && (real == null || real.decisions() == 0)) {
                throw new Args.UsageException("--episodes 0 needs recorded real-run decisions or --imitate to learn from (none found)");
            }
            ctx = new TrainingContext().preset(Preset.byName(a.string("--preset", "default"))).seed(seed)
                    .validationSeed(seed + 1).episodes(episodes).real(real).log(err)
                    .imitate(imitate).imitationEpisodes(a.positiveInt("--imitate-episodes", 2000))
                    .daggerRounds(a.nonNegativeInt("--dagger", 0));
            String mix = a.string("--mix", null);
            if (mix != null) {
                mix(ctx, mix);
            }
            String entropyFinal = a.string("--entropy-final", null);
            if (entropyFinal != null) {
                try {
                    ctx.entropyFinal(Float.parseFloat(entropyFinal));
                } catch (NumberFormatException e) {
                    throw new Args.UsageException("--entropy-final is a number, not '" + entropyFinal + "'");
                }
            }
            ctx.conclude();
        } catch (IOException e) {
            err.println("fqg train: cannot read the recorded runs: " + e.getMessage());
            return 1;
        } catch (Args.UsageException | IllegalArgumentException e) {
            err.println("fqg train: " + e.getMessage());
            err.println(FqgCommand.USAGE);
            return 2;
        }
        Path initial = null;
        try {
            if (resume) {
                initial = Files.exists(file) ? copyToTemp(Files.newInputStream(file))
                        : copyToTemp(DjlPolicy.class.getResourceAsStream(DjlPolicy.SHIPPED_RESOURCE));
                ctx.initialPolicy(initial);
            }
            TrainingReport r = new PolicyGradientTrainer(ctx).train(file);
            out.printf(Locale.ROOT, "{\"out\":\"%s\",\"seed\":%d,\"episodes\":%d,\"batches\":%d,\"gradientSteps\":%d,"
                            + "\"bestValidationReward\":%.4f,\"bestAtBatch\":%d,\"realDecisions\":%d,\"realRuns\":%d,\"seconds\":%.1f}%n",
                    file.toString().replace("\\", "\\\\").replace("\"", "\\\""), ctx.seed(), r.episodes(), r.batches(),
                    r.gradientSteps(), r.bestValidationReward(), r.bestAtBatch(),
                    ctx.real() == null ? 0 : ctx.real().decisions(), ctx.real() == null ? 0 : ctx.real().runs(), r.seconds());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("fqg train: " + e.getMessage());
            return 1;
        } finally {
            if (initial != null) {
                try {
                    Files.deleteIfExists(initial);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** {@code --mix PRESET:BASELINE:EPISODES}, e.g. {@code plain:cp-misf:20}. */
    private static void mix(TrainingContext ctx, String spec) throws Args.UsageException {
        String[] parts = spec.split(":", -1);
        if (parts.length != 3) {
            throw new Args.UsageException("--mix is PRESET:BASELINE:EPISODES (e.g. plain:cp-misf:20), not '" + spec + "'");
        }
        int episodes;
        try {
            episodes = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--mix: EPISODES is a whole number, not '" + parts[2] + "' in '" + spec + "'");
        }
        ctx.mix(Preset.byName(parts[0]), parts[1], episodes);
    }

    /** The starting weights are copied first, so training may overwrite FILE itself. */
    private static Path copyToTemp(InputStream in) throws IOException {
        if (in == null) {
            throw new IOException("no policy to continue from: the shipped policy is missing");
        }
        try (InputStream source = in) {
            Path tmp = Files.createTempFile("fqg-policy-", ".params");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        }
    }
}
