package dev.symphony.conductor.fqg.training;

import dev.symphony.conductor.fqg.game.Preset;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Training settings (fluent setters; {@link #conclude()} validates). Training puzzles are puzzles
 * {@code 0, 1, 2...} of {@code seed}; validation (used to keep the best weights) uses {@code validationSeed};
 * neither should be the seed a result is reported on.
 */
public final class TrainingContext {
    private Preset preset = Preset.DEFAULT;
    private long seed = 1;
    private int episodes = 60_000;
    private int puzzlesPerBatch = 16;
    private int rolloutsPerPuzzle = 8;
    private float learningRate = 3e-3f;
    private float entropyCoefficient = 0.003f;
    private int minibatchDecisions = 1024;
    private long validationSeed = 2;
    private int validationPuzzles = 200;
    private int validateEveryBatches = 25;
    private Path initialPolicy;
    private RealTransitions real;
    private int realPasses = 4;
    private float regressionTolerance = 0.01f;
    private PrintStream log = System.err;
    private String imitate;
    private int imitationEpisodes = 2000;
    private int imitationEpochs = 8;
    private float entropyFinal = Float.NaN;
    private int daggerRounds;
    private Preset mixPreset;
    private String mixExpert;
    private int mixEpisodes;
    private int mixValidationPuzzles = 40;
    private float mixTolerance = 0f;

    public TrainingContext preset(Preset v) { preset = v; return this; }
    public TrainingContext seed(long v) { seed = v; return this; }
    public TrainingContext episodes(int v) { episodes = v; return this; }
    public TrainingContext puzzlesPerBatch(int v) { puzzlesPerBatch = v; return this; }
    public TrainingContext rolloutsPerPuzzle(int v) { rolloutsPerPuzzle = v; return this; }
    public TrainingContext learningRate(float v) { learningRate = v; return this; }
    public TrainingContext entropyCoefficient(float v) { entropyCoefficient = v; return this; }
    public TrainingContext minibatchDecisions(int v) { minibatchDecisions = v; return this; }
    public TrainingContext validationSeed(long v) { validationSeed = v; return this; }
    public TrainingContext validationPuzzles(int v) { validationPuzzles = v; return this; }
    public TrainingContext validateEveryBatches(int v) { validateEveryBatches = v; return this; }
    /** Start from this policy file instead of fresh weights ({@code fqg train --continue}). */
    public TrainingContext initialPolicy(Path v) { initialPolicy = v; return this; }
    public TrainingContext log(PrintStream v) { log = v; return this; }
    /** Recorded real-run decisions to learn from besides FQG episodes (an offline pass after each batch). */
    public TrainingContext real(RealTransitions v) { real = v; return this; }
    /** Passes over the real decisions when there are no FQG episodes ({@code --episodes 0}). */
    public TrainingContext realPasses(int v) { realPasses = v; return this; }
    /** With real data, the newest weights are kept unless their validation reward drops more than this. */
    public TrainingContext regressionTolerance(float v) { regressionTolerance = v; return this; }

    /**
     * Behaviour cloning before REINFORCE: the baseline {@code name} plays {@link #imitationEpisodes} training puzzles
     * (their own puzzle stream) and the network learns its choices (cross-entropy) for {@link #imitationEpochs} passes.
     */
    public TrainingContext imitate(String name) { imitate = name; return this; }
    public TrainingContext imitationEpisodes(int v) { imitationEpisodes = v; return this; }
    public TrainingContext imitationEpochs(int v) { imitationEpochs = v; return this; }
    /** The entropy bonus goes linearly from {@link #entropyCoefficient} to this over the episodes (NaN: constant). */
    public TrainingContext entropyFinal(float v) { entropyFinal = v; return this; }

    /** DAgger rounds after the cloning (each: the network plays {@link #imitationEpisodes} puzzles, the expert labels). */
    public TrainingContext daggerRounds(int v) { daggerRounds = v; return this; }
    public int daggerRounds() { return daggerRounds; }

    /**
     * A second labelled stream in the same imitation (cloning and every DAgger round): {@code expert} labels
     * {@code episodes} puzzles of {@code preset} per round, into the same aggregate data set. A round's weights are kept
     * only if their validation on {@code preset} is within {@link #mixTolerance} (relative) of the expert's there
     * (among rounds that are, the best on the main preset wins; if none is, the best on the main preset).
     */
    public TrainingContext mix(Preset preset, String expert, int episodes) {
        mixPreset = preset;
        mixExpert = expert;
        mixEpisodes = episodes;
        return this;
    }
    public TrainingContext mixValidationPuzzles(int v) { mixValidationPuzzles = v; return this; }
    public TrainingContext mixTolerance(float v) { mixTolerance = v; return this; }
    public Preset mixPreset() { return mixPreset; }
    public String mixExpert() { return mixExpert; }
    public int mixEpisodes() { return mixEpisodes; }
    public int mixValidationPuzzles() { return mixValidationPuzzles; }
    public float mixTolerance() { return mixTolerance; }

    public String imitate() { return imitate; }
    public int imitationEpisodes() { return imitationEpisodes; }
    public int imitationEpochs() { return imitationEpochs; }
    public float entropyFinal() { return Float.isNaN(entropyFinal) ? entropyCoefficient : entropyFinal; }

    public RealTransitions real() { return real; }
    public int realPasses() { return realPasses; }
    public float regressionTolerance() { return regressionTolerance; }
    boolean hasReal() { return real != null && real.decisions() > 0; }

    public TrainingContext conclude() {
        if (episodes < (hasReal() || imitate != null ? 0 : 1) || realPasses < 1 || puzzlesPerBatch < 1 || rolloutsPerPuzzle < 2 || minibatchDecisions < 1
                || validationPuzzles < 1 || validateEveryBatches < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("invalid training settings: episodes=" + episodes + " puzzlesPerBatch="
                    + puzzlesPerBatch + " rolloutsPerPuzzle=" + rolloutsPerPuzzle + " (needs >= 2)");
        }
        if (daggerRounds < 0 || (daggerRounds > 0 && imitate == null)) {
            throw new IllegalArgumentException("DAgger rounds need an expert to imitate and are >= 0, got " + daggerRounds);
        }
        if (imitate != null && (imitationEpisodes < 1 || imitationEpochs < 1)) {
            throw new IllegalArgumentException("imitation needs episodes and epochs >= 1, got " + imitationEpisodes + " and " + imitationEpochs);
        }
        if (imitate != null) {
            dev.symphony.conductor.fqg.baselines.Baselines.byName(imitate, seed); // an unknown name fails here, by name
        }
        if (mixPreset != null) {
            if (imitate == null) {
                throw new IllegalArgumentException("a mixed label stream (" + mixPreset.name() + " labelled by " + mixExpert
                        + ") goes with an expert to imitate");
            }
            if (mixEpisodes < 1 || mixValidationPuzzles < 1 || !(mixTolerance >= 0)) {
                throw new IllegalArgumentException("a mixed label stream needs episodes and validation puzzles >= 1 and a tolerance >= 0, got "
                        + mixEpisodes + ", " + mixValidationPuzzles + " and " + mixTolerance);
            }
            dev.symphony.conductor.fqg.baselines.Baselines.byName(mixExpert, seed);
        }
        if (validationSeed == seed) {
            throw new IllegalArgumentException("validation seed must differ from the training seed " + seed);
        }
        return this;
    }

    public Preset preset() { return preset; }
    public long seed() { return seed; }
    public int episodes() { return episodes; }
    public int puzzlesPerBatch() { return puzzlesPerBatch; }
    public int rolloutsPerPuzzle() { return rolloutsPerPuzzle; }
    public float learningRate() { return learningRate; }
    public float entropyCoefficient() { return entropyCoefficient; }
    public int minibatchDecisions() { return minibatchDecisions; }
    public long validationSeed() { return validationSeed; }
    public int validationPuzzles() { return validationPuzzles; }
    public int validateEveryBatches() { return validateEveryBatches; }
    public Path initialPolicy() { return initialPolicy; }
    public PrintStream log() { return log; }
}
