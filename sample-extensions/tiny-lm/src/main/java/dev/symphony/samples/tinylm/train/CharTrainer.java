package dev.symphony.samples.tinylm.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.symphony.samples.tinylm.model.CharGruBlock;
import dev.symphony.samples.tinylm.model.CharVocabulary;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains the character model with DJL's training API: random windows of the text (next-character targets),
 * softmax cross-entropy, Adam with gradient clipping. The last 5% of the text is held out and scored after every
 * epoch. Seeded: the window order and DJL's parameter initializer come from the seed.
 */
public final class CharTrainer {
    /** Hyper-parameters; {@code stepsPerEpoch} 0 means one pass worth of windows over the training text. */
    public record Options(int epochs, long seed, int hidden, int window, int batch, float learningRate,
                          int stepsPerEpoch, int minCount) {
        public static Options defaults() {
            return new Options(20, 1, 256, 64, 32, 3e-3f, 0, 3);
        }
    }

    /** One epoch's figures (losses in nats per character). */
    public record Epoch(int epoch, int steps, double trainLoss, double validLoss, double seconds) {
    }

    private final Options options;

    public CharTrainer(Options options) {
        this.options = options;
    }

    /**
     * Trains on {@code text} and hands the trained block to {@code done} while its arrays are still alive
     * (they are freed when this returns).
     */
    public void train(String text, Consumer<Epoch> onEpoch, TrainedConsumer done) throws Exception {
        CharVocabulary vocabulary = CharVocabulary.of(text, options.minCount());
        int[] ids = vocabulary.encode(text);
        int split = (int) (ids.length * 0.95);
        if (split < options.window() + 2 || ids.length - split < options.window() + 2) {
            throw new IllegalArgumentException("the text (" + ids.length + " characters) is too short for windows of "
                    + options.window());
        }
        Engine.getInstance().setRandomSeed((int) (options.seed() ^ (options.seed() >>> 32)));
        CharGruBlock block = new CharGruBlock(vocabulary.size(), options.hidden());
        Loss loss = new SoftmaxCrossEntropyLoss("loss", 1, -1, true, true);
        try (Model model = Model.newInstance("tiny-lm", "PyTorch")) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed(options.learningRate())).optClipGrad(1f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(options.batch(), options.window()));
                SplittableRandom random = new SplittableRandom(options.seed());
                int steps = options.stepsPerEpoch() > 0 ? options.stepsPerEpoch()
                        : Math.max(1, split / (options.batch() * options.window()));
                for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                    long started = System.nanoTime();
                    double sum = 0;
                    for (int s = 0; s < steps; s++) {
                        sum += step(trainer, loss, ids, split, random, vocabulary.size());
                    }
                    double valid = validate(trainer, loss, ids, split, vocabulary.size());
                    onEpoch.accept(new Epoch(epoch, steps, sum / steps, valid, (System.nanoTime() - started) / 1e9));
                }
                done.accept(vocabulary, block);
            }
        }
    }

    /** Receives the trained model. */
    @FunctionalInterface
    public interface TrainedConsumer {
        void accept(CharVocabulary vocabulary, CharGruBlock block) throws Exception;
    }

    private double step(Trainer trainer, Loss loss, int[] ids, int limit, SplittableRandom random, int vocabulary) {
        int b = options.batch();
        int t = options.window();
        long[] x = new long[b * t];
        long[] y = new long[b * t];
        for (int row = 0; row < b; row++) {
            int start = random.nextInt(limit - t - 1);
            for (int i = 0; i < t; i++) {
                x[row * t + i] = ids[start + i];
                y[row * t + i] = ids[start + i + 1];
            }
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray labels = m.create(y, new Shape(b * t));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(m.create(x, new Shape(b, t)))).get(0);
                NDArray l = loss.evaluate(new NDList(labels), new NDList(logits.reshape(b * t, vocabulary)));
                collector.backward(l);
                double value = l.getFloat();
                trainer.step();
                return value;
            }
        }
    }

    /** Mean loss over consecutive windows of the held-out text (at most 8 batches). */
    private double validate(Trainer trainer, Loss loss, int[] ids, int from, int vocabulary) {
        int t = options.window();
        int windows = Math.min((ids.length - from - 1) / t, 8 * options.batch());
        long[] x = new long[windows * t];
        long[] y = new long[windows * t];
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < t; i++) {
                x[w * t + i] = ids[from + w * t + i];
                y[w * t + i] = ids[from + w * t + i + 1];
            }
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray logits = trainer.evaluate(new NDList(m.create(x, new Shape(windows, t)))).get(0);
            return loss.evaluate(new NDList(m.create(y, new Shape((long) windows * t))),
                    new NDList(logits.reshape((long) windows * t, vocabulary))).getFloat();
        }
    }
}
