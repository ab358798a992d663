package dev.symphony.conductor.policy.djl;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.symphony.conductor.policy.CandidateFeatures;

/**
 * The network's shape: features ({@link CandidateFeatures#COUNT}) → {@value #HIDDEN} ReLU →
 * {@value #HIDDEN} ReLU → 1 score per candidate. A decision's candidates go through it as one batch; the
 * policy is the softmax of the scores over the candidates.
 */
public final class PolicyNetwork {
    public static final int HIDDEN = 32;
    public static final String MODEL_NAME = "fqg-policy";
    /** Model property naming the feature layout, checked when loading. */
    public static final String FEATURES_PROPERTY = "candidateFeatures";
    public static final String FEATURES_VERSION = "v2:" + CandidateFeatures.COUNT;

    private PolicyNetwork() {
    }

    public static SequentialBlock newBlock() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(1).build());
    }
}
