package dev.symphony.samples.tinylm.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.samples.tinylm.model.DjlRuntime;
import dev.symphony.samples.tinylm.model.ModelFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code symphony tiny-lm train --corpus DIR_OR_FILE… --out FILE [--epochs N] [--seed S] [--hidden H]
 * [--window T] [--batch B] [--lr X] [--steps N] [--min-count N]}: trains the model and writes its parameter file.
 * stdout: one JSON line per epoch ({@code epoch, steps, trainLoss, validLoss, seconds}), then one summary line
 * ({@code out, bytes, vocabulary, corpusFiles, corpusChars, corpusSha256, seconds}). Exit 0 ok, 1 failed, 2 usage.
 */
public final class TrainCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USAGE = "usage: tiny-lm train --corpus DIR_OR_FILE... --out FILE [--epochs N] [--seed S] "
            + "[--hidden H] [--window T] [--batch B] [--lr X] [--steps N] [--min-count N]";

    private TrainCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> corpus = new ArrayList<>();
        Path target = null;
        CharTrainer.Options o = CharTrainer.Options.defaults();
        int epochs = o.epochs();
        long seed = o.seed();
        int hidden = o.hidden();
        int window = o.window();
        int batch = o.batch();
        float lr = o.learningRate();
        int steps = o.stepsPerEpoch();
        int minCount = o.minCount();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--corpus" -> {
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            corpus.add(Path.of(args[++i]));
                        }
                    }
                    case "--out" -> target = Path.of(value(args, ++i));
                    case "--epochs" -> epochs = positive(args, ++i);
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--hidden" -> hidden = positive(args, ++i);
                    case "--window" -> window = positive(args, ++i);
                    case "--batch" -> batch = positive(args, ++i);
                    case "--lr" -> lr = Float.parseFloat(value(args, ++i));
                    case "--steps" -> steps = positive(args, ++i);
                    case "--min-count" -> minCount = positive(args, ++i);
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (corpus.isEmpty() || target == null) {
                throw new IllegalArgumentException("--corpus and --out are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("tiny-lm train: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        CharTrainer.Options options = new CharTrainer.Options(epochs, seed, hidden, window, batch, lr, steps, minCount);
        Path out0 = target;
        try {
            Corpus text = Corpus.read(corpus);
            err.println("tiny-lm train: " + text.files().size() + " files, " + text.text().length() + " characters");
            long started = System.nanoTime();
            double[] last = new double[2];
            DjlRuntime.call(null, true, () -> {
                new CharTrainer(options).train(text.text(), e -> {
                    last[0] = e.trainLoss();
                    last[1] = e.validLoss();
                    out.println(JSON.createObjectNode().put("epoch", e.epoch()).put("steps", e.steps())
                            .put("trainLoss", round(e.trainLoss())).put("validLoss", round(e.validLoss()))
                            .put("seconds", round(e.seconds())));
                    out.flush();
                }, (vocabulary, block) -> {
                    ObjectNode provenance = JSON.createObjectNode().put("corpusFiles", text.files().size())
                            .put("corpusChars", text.text().length()).put("corpusSha256", text.sha256())
                            .put("seed", options.seed()).put("epochs", options.epochs()).put("hidden", options.hidden())
                            .put("window", options.window()).put("batch", options.batch())
                            .put("learningRate", options.learningRate()).put("trainLoss", round(last[0]))
                            .put("validLoss", round(last[1]));
                    ModelFile.save(out0, vocabulary, block, provenance.toString());
                    out.println(provenance.put("out", out0.toString()).put("bytes", Files.size(out0))
                            .put("vocabulary", vocabulary.size())
                            .put("seconds", round((System.nanoTime() - started) / 1e9)));
                });
                return null;
            });
            return 0;
        } catch (Exception e) {
            err.println("tiny-lm train: " + e);
            return 1;
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        int v = Integer.parseInt(value(args, i));
        if (v <= 0) {
            throw new IllegalArgumentException(args[i - 1] + " must be > 0");
        }
        return v;
    }
}
