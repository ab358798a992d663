package dev.symphony.samples.tinylm.model;

import java.util.SplittableRandom;

/**
 * Picks the next token from logits: softmax at a temperature (0 = always the most likely token), never the
 * unknown token. Seeded, so the same model, prompt, temperature and seed give the same text.
 */
public final class Sampler {
    private final double temperature;
    private final SplittableRandom random;

    public Sampler(double temperature, long seed) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number >= 0, not " + temperature);
        }
        this.temperature = temperature;
        this.random = new SplittableRandom(seed);
    }

    public int next(float[] logits) {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (i != CharVocabulary.UNKNOWN && (best < 0 || logits[i] > logits[best])) {
                best = i;
            }
        }
        if (temperature == 0) {
            return best;
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            if (i != CharVocabulary.UNKNOWN) {
                p[i] = Math.exp((logits[i] - logits[best]) / temperature);
                sum += p[i];
            }
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0 && p[i] > 0) {
                return i;
            }
        }
        return best; // rounding left u >= 0 after the last term
    }
}
