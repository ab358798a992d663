package dev.symphony.conductor.fqg.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.evaluation.PolicyReport;
import dev.symphony.conductor.fqg.generator.PuzzleGenerator;
import dev.symphony.conductor.fqg.simulator.EpisodeResult;
import dev.symphony.conductor.fqg.simulator.Simulator;
import dev.symphony.conductor.policy.CandidateFeatures;
import dev.symphony.conductor.policy.SchedulingPolicy;
import dev.symphony.conductor.policy.djl.MlpForward;
import dev.symphony.conductor.policy.djl.MlpPolicy;
import dev.symphony.conductor.policy.djl.PolicyFiles;
import dev.symphony.conductor.policy.djl.PolicyNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * REINFORCE with group-relative advantages. Each batch: {@code puzzlesPerBatch} fresh training puzzles,
 * each played {@code rolloutsPerPuzzle} times by the sampling policy with the same outcome seed (so the
 * rollouts differ only by the policy's choices); an episode's advantage is its reward minus its group's
 * mean, over the group's standard deviation. Every decision of the episode is credited with it; loss =
 * -mean(advantage * log pi(chosen)) - entropyCoefficient * mean(entropy), Adam. Every
 * {@code validateEveryBatches} the greedy policy is scored on validation puzzles and the best weights so
 * far are written to the output file. Optionally first behaviour cloning of a baseline's choices
 * ({@link TrainingContext#imitate}) as a warm start, and an entropy bonus annealed over the episodes.
 */
public final class PolicyGradientTrainer {
    private static final int F = CandidateFeatures.COUNT;
    private final TrainingContext ctx;

    public PolicyGradientTrainer(TrainingContext ctx) {
        this.ctx = ctx.conclude();
        this.entropy = this.ctx.entropyCoefficient();
    }

    public TrainingReport train(Path out) throws IOException {
        long started = System.nanoTime();
        PuzzleGenerator generator = new PuzzleGenerator(ctx.preset());
        Evaluator validation = new Evaluator(ctx.preset(), ctx.validationSeed(), ctx.validationPuzzles());
        SplittableRandom random = new SplittableRandom(ctx.seed() * 31 + 7);
        try (Model model = Model.newInstance(PolicyNetwork.MODEL_NAME, "PyTorch")) {
            // Seeds the engine's initializer too, so a training run is reproducible from its seed.
            model.getNDManager().getEngine().setRandomSeed((int) (ctx.seed() ^ (ctx.seed() >>> 32)));
            model.setBlock(PolicyNetwork.newBlock());
            if (ctx.initialPolicy() != null) {
                try (InputStream in = Files.newInputStream(ctx.initialPolicy())) {
                    model.load(in, Map.of());
                } catch (MalformedModelException e) {
                    throw new IOException(ctx.initialPolicy() + ": not a policy file: " + e.getMessage(), e);
                }
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(ctx.learningRate()))
                            .optClipGrad(1f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, F));
                RolloutBuffer buffer = new RolloutBuffer();
                double best = validate(model, validation);
                double start = best;
                int bestAt = 0;
                PolicyFiles.save(model, out);
                ctx.log().printf(Locale.ROOT, "batch 0: validation reward %.4f (saved)%n", best);
                int batches = 0;
                int steps = 0;
                if (ctx.imitate() != null) {
                    RolloutBuffer labels = new RolloutBuffer();
                    MixCheck mix = MixCheck.of(ctx);
                    boolean bestWithinMix = mix == null; // without a mix, only the main validation decides (as before)
                    for (int round = 0; round <= ctx.daggerRounds(); round++) {
                        steps += imitate(trainer, model, generator, labels, random, round);
                        double v = validate(model, validation);
                        String mixNote = "";
                        boolean withinMix = true;
                        if (mix != null) {
                            double m = validate(model, mix.validation());
                            withinMix = mix.holds(m);
                            mixNote = String.format(Locale.ROOT, ", %s %.4f (%s %.4f: %s)", ctx.mixPreset().name(), m,
                                    ctx.mixExpert(), mix.expertReward(), withinMix ? "within" : "below");
                        }
                        // Rounds that keep the mixed preset's validation are preferred; among equals, the main reward.
                        boolean improved = (withinMix && !bestWithinMix) || (withinMix == bestWithinMix && v > best);
                        if (improved) {
                            best = v;
                            bestWithinMix = withinMix;
                            PolicyFiles.save(model, out);
                        }
                        ctx.log().printf(Locale.ROOT, "imitating %s%s, %s (%d episodes, %d labels, %d passes, %.0f s): validation reward %.4f%s%s%n",
                                ctx.imitate(), mix == null ? "" : " + " + ctx.mixExpert() + " on " + ctx.mixPreset().name(),
                                round == 0 ? "cloning" : "DAgger round " + round, ctx.imitationEpisodes(),
                                labels.decisions(), ctx.imitationEpochs(), (System.nanoTime() - started) / 1e9, v, mixNote,
                                improved ? " (saved)" : "");
                    }
                    if (mix != null && !bestWithinMix) {
                        ctx.log().printf(Locale.ROOT, "no round kept %s within %.2f %% of %s: the saved weights are the best on %s alone%n",
                                ctx.mixPreset().name(), 100 * ctx.mixTolerance(), ctx.mixExpert(), ctx.preset().name());
                    }
                    if (ctx.episodes() > 0 && best > start) { // fine-tune from the best imitation, not the last round
                        try (InputStream in = Files.newInputStream(out)) {
                            model.load(in, Map.of());
                        } catch (MalformedModelException e) {
                            throw new IOException(out + ": " + e.getMessage(), e);
                        }
                    }
                }
                int episodes = 0;
                int puzzleIndex = 0;
                while (episodes < ctx.episodes()) {
                    MlpForward forward = MlpForward.copyOf(model.getBlock());
                    SamplingPolicy sampler = new SamplingPolicy(forward, random);
                    buffer.clear();
                    int episode = 0;
                    for (int p = 0; p < ctx.puzzlesPerBatch() && episodes < ctx.episodes(); p++, puzzleIndex++) {
                        Simulator sim = new Simulator(generator.puzzle(ctx.seed(), puzzleIndex), ctx.preset());
                        long outcomeSeed = PuzzleGenerator.seedOf(ctx.seed() ^ 0x6F7574636F6D65L, puzzleIndex);
                        int groupStart = episode;
                        double[] rewards = new double[ctx.rolloutsPerPuzzle()];
                        for (int g = 0; g < rewards.length; g++, episode++, episodes++) {
                            buffer.beginEpisode(episode);
                            EpisodeResult r = sim.run(sampler, outcomeSeed, buffer, null);
                            rewards[g] = r.reward();
                        }
                        setGroupAdvantages(buffer, groupStart, rewards);
                    }
                    entropy = ctx.entropyCoefficient()
                            + (ctx.entropyFinal() - ctx.entropyCoefficient()) * Math.min(1f, episodes / (float) Math.max(1, ctx.episodes()));
                    steps += update(trainer, buffer, random, false);
                    if (ctx.hasReal()) {
                        steps += update(trainer, ctx.real().buffer(), random, true);
                    }
                    batches++;
                    if (batches % ctx.validateEveryBatches() == 0 || episodes >= ctx.episodes()) {
                        double v = validate(model, validation);
                        boolean improved = ctx.hasReal() ? v >= start - ctx.regressionTolerance() : v > best;
                        if (improved) {
                            best = v;
                            bestAt = batches;
                            PolicyFiles.save(model, out);
                        }
                        ctx.log().printf(Locale.ROOT, "batch %d (%d episodes, %.0f s): validation reward %.4f%s%n",
                                batches, episodes, (System.nanoTime() - started) / 1e9, v, improved ? " (saved)" : "");
                    }
                }
                if (ctx.episodes() == 0 && ctx.hasReal()) { // real decisions only: a few offline passes, kept if FQG play does not regress
                    for (int pass = 0; pass < ctx.realPasses(); pass++) {
                        steps += update(trainer, ctx.real().buffer(), random, true);
                    }
                    double v = validate(model, validation);
                    boolean kept = v >= start - ctx.regressionTolerance();
                    if (kept) {
                        best = v;
                        bestAt = 1;
                        PolicyFiles.save(model, out);
                    }
                    ctx.log().printf(Locale.ROOT, "%d passes over %d real decisions: validation reward %.4f%s%n",
                            ctx.realPasses(), ctx.real().decisions(), v, kept ? " (saved)" : " (regressed: not saved)");
                }
                return new TrainingReport(episodes, batches, steps, best, bestAt, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** The entropy bonus of the current batch (annealed from the context's start to its final value). */
    private float entropy;

    /** Puzzles the expert plays for imitation are their own stream of the training seed. */
    private static final long IMITATION_SALT = 0x696D697461746500L;
    /** And the mixed stream's puzzles another. */
    private static final long MIX_SALT = 0x6D69780000000000L;

    /**
     * Imitation of the expert baseline, round {@code round}: round 0 is behaviour cloning (the expert plays
     * {@code imitationEpisodes} training puzzles of their own stream, every decision it makes is a label); round
     * k > 0 is a DAgger round ({@link DaggerLabeler}: the current network plays another {@code imitationEpisodes}
     * puzzles and the expert labels the states it reaches). Labels accumulate in {@code labels} (DAgger's aggregate
     * data set); each round ends with {@code imitationEpochs} cross-entropy passes over all of them (the REINFORCE
     * step with advantage 1).
     */
    private int imitate(Trainer trainer, Model model, PuzzleGenerator generator, RolloutBuffer labels, SplittableRandom random,
                        int round) {
        long seed = ctx.seed() ^ IMITATION_SALT;
        labels.beginEpisode(0);
        labels.setAdvantage(0, 1f);
        MlpPolicy learner = new MlpPolicy("rl", MlpForward.copyOf(model.getBlock()));
        for (int e = 0; e < ctx.imitationEpisodes(); e++) {
            int i = round * ctx.imitationEpisodes() + e;
            Simulator sim = new Simulator(generator.puzzle(seed, i), ctx.preset());
            long outcomes = PuzzleGenerator.seedOf(seed ^ 0x6F7574636F6D65L, i);
            play(sim, learner, Baselines.byName(ctx.imitate(), seed + i), labels, outcomes, round);
        }
        if (ctx.mixPreset() != null) { // the second stream: its own puzzles, its own expert, the same data set
            PuzzleGenerator mixGenerator = new PuzzleGenerator(ctx.mixPreset());
            long mixSeed = seed ^ MIX_SALT;
            for (int e = 0; e < ctx.mixEpisodes(); e++) {
                int i = round * ctx.mixEpisodes() + e;
                Simulator sim = new Simulator(mixGenerator.puzzle(mixSeed, i), ctx.mixPreset());
                play(sim, learner, Baselines.byName(ctx.mixExpert(), mixSeed + i), labels,
                        PuzzleGenerator.seedOf(mixSeed ^ 0x6F7574636F6D65L, i), round);
            }
        }
        entropy = ctx.entropyCoefficient();
        int steps = 0;
        for (int epoch = 0; epoch < ctx.imitationEpochs(); epoch++) {
            steps += update(trainer, labels, random, false);
        }
        return steps;
    }

    /** Round 0 clones (the expert plays, its decisions are the labels); later rounds are DAgger's. */
    private static void play(Simulator sim, SchedulingPolicy learner, SchedulingPolicy expert, RolloutBuffer labels, long outcomes,
                             int round) {
        if (round == 0) {
            sim.run(expert, outcomes, labels, null);
        } else {
            sim.run(new DaggerLabeler(learner, expert, labels), outcomes);
        }
    }

    /** The mixed preset's validation set and the expert's reward on it, the mark a round must keep. */
    private record MixCheck(Evaluator validation, double expertReward, float tolerance) {
        static MixCheck of(TrainingContext ctx) {
            if (ctx.mixPreset() == null) {
                return null;
            }
            Evaluator v = new Evaluator(ctx.mixPreset(), ctx.validationSeed(), ctx.mixValidationPuzzles());
            return new MixCheck(v, v.evaluate(Baselines.byName(ctx.mixExpert(), ctx.validationSeed()), () -> 0).meanReward(),
                    ctx.mixTolerance());
        }

        boolean holds(double reward) {
            return reward >= expertReward - tolerance * Math.abs(expertReward);
        }
    }

    private double validate(Model model, Evaluator validation) {
        PolicyReport r = validation.evaluate(new MlpPolicy("rl", MlpForward.copyOf(model.getBlock())), () -> 0);
        return r.meanReward();
    }

    private static void setGroupAdvantages(RolloutBuffer buffer, int first, double[] rewards) {
        double mean = 0;
        for (double r : rewards) {
            mean += r;
        }
        mean /= rewards.length;
        double var = 0;
        for (double r : rewards) {
            var += (r - mean) * (r - mean);
        }
        double std = Math.sqrt(var / rewards.length);
        for (int g = 0; g < rewards.length; g++) {
            buffer.setAdvantage(first + g, (float) ((rewards[g] - mean) / (std + 1e-2)));
        }
    }

    /** One pass over the batch's decisions in shuffled minibatches; returns the number of gradient steps. */
    private int update(Trainer trainer, RolloutBuffer buffer, SplittableRandom random, boolean offPolicy) {
        int n = buffer.decisions();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int steps = 0;
        for (int from = 0; from < n; from += ctx.minibatchDecisions()) {
            int to = Math.min(n, from + ctx.minibatchDecisions());
            step(trainer, buffer, order, from, to, offPolicy);
            steps++;
        }
        return steps;
    }

    /**
     * One gradient step. Off-policy (recorded decisions of another policy), each decision's term is weighted by the
     * truncated importance ratio min(1, π(chosen) / behaviour probability), computed without gradient.
     */
    private void step(Trainer trainer, RolloutBuffer buffer, int[] order, int from, int to, boolean offPolicy) {
        int b = to - from;
        int c = 1;
        for (int i = from; i < to; i++) {
            c = Math.max(c, buffer.count(order[i]));
        }
        float[] x = new float[b * c * F];
        float[] mask = new float[b * c];
        float[] onehot = new float[b * c];
        float[] adv = new float[b];
        float[] mu = new float[b];
        for (int r = 0; r < b; r++) {
            int d = order[from + r];
            buffer.copyFeatures(d, x, r * c * F);
            for (int k = buffer.count(d); k < c; k++) {
                mask[r * c + k] = -1e9f;
            }
            onehot[r * c + buffer.chosen(d)] = 1f;
            adv[r] = buffer.advantage(d);
            mu[r] = buffer.behaviourProbability(d);
        }
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray xs = m.create(x, new Shape((long) b * c, F));
            NDArray masks = m.create(mask, new Shape(b, c));
            NDArray chosen = m.create(onehot, new Shape(b, c));
            NDArray advantages = m.create(adv, new Shape(b));
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray scores = trainer.forward(new NDList(xs)).singletonOrThrow().reshape(b, c).add(masks);
                NDArray logp = scores.logSoftmax(1);
                NDArray chosenLogp = logp.mul(chosen).sum(new int[] {1});
                NDArray weighted = chosenLogp.mul(advantages);
                if (offPolicy) {
                    NDArray ratio = chosenLogp.exp().div(m.create(mu, new Shape(b))).minimum(1f).stopGradient();
                    weighted = weighted.mul(ratio);
                }
                NDArray policyLoss = weighted.mean().neg();
                NDArray entropy = logp.exp().mul(logp).sum(new int[] {1}).neg().mean();
                NDArray loss = policyLoss.sub(entropy.mul(this.entropy));
                gc.backward(loss);
            }
            trainer.step();
        }
    }
}
