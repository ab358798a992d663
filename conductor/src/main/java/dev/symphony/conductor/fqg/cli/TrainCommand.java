package dev.symphony.conductor.fqg.cli;

import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.training.PolicyGradientTrainer;
import dev.symphony.conductor.fqg.training.TrainingContext;
import dev.symphony.conductor.fqg.training.TrainingReport;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;

/**
 * {@code fqg train [--seed S] [--episodes N] [--out FILE] [--continue] [--preset P]}: trains the policy on
 * puzzles of seed S (validation on seed S+1) and writes the best weights to FILE (default: the user's
 * data folder, {@code policy/fqg-policy.params}). {@code --continue} starts from FILE if it exists, else from
 * the shipped policy. Prints one JSON line with the training report.
 */
public final class TrainCommand {
    public static final int DEFAULT_EPISODES = 20_000;

    private TrainCommand() {
    }

    public static Path defaultPolicyFile() {
        return SymphonyPaths.resolve().data("policy").resolve("fqg-policy.params");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        TrainingContext ctx;
        Path file;
        boolean resume;
        try {
            Args a = Args.parse(args, 0, Set.of("--seed", "--episodes", "--out", "--preset"), Set.of("--continue"));
            long seed = a.longValue("--seed", 1L);
            file = Path.of(a.string("--out", defaultPolicyFile().toString()));
            resume = a.flag("--continue");
            ctx = new TrainingContext().preset(Preset.byName(a.string("--preset", "default"))).seed(seed)
                    .validationSeed(seed + 1).episodes(a.positiveInt("--episodes", DEFAULT_EPISODES)).log(err)
                    .conclude();
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
                            + "\"bestValidationReward\":%.4f,\"bestAtBatch\":%d,\"seconds\":%.1f}%n",
                    file.toString().replace("\\", "\\\\").replace("\"", "\\\""), ctx.seed(), r.episodes(), r.batches(),
                    r.gradientSteps(), r.bestValidationReward(), r.bestAtBatch(), r.seconds());
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
