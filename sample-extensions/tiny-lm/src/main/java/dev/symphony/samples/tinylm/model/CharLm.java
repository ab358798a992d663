package dev.symphony.samples.tinylm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * A loaded model that reads tokens and answers the next token's logits. The recurrent state lives in a Java
 * array owned by the caller, so any number of generations can interleave and each step's NDArrays are freed
 * at once (a sub-manager per step). Steps are serialized: DJL's managers are not thread-safe.
 */
public final class CharLm implements AutoCloseable {
    private final ModelFile.Header header;
    private final CharGruBlock block;
    private final NDManager manager;
    private final ParameterStore parameters;

    CharLm(ModelFile.Header header, CharGruBlock block, NDManager manager) {
        this.header = header;
        this.block = block;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
    }

    public CharVocabulary vocabulary() {
        return header.vocabulary();
    }

    /** JSON the training command recorded (corpus, seed, epochs, loss). */
    public String provenance() {
        return header.provenance();
    }

    /** A zero state for a new generation. */
    public float[] newState() {
        return new float[block.hidden()];
    }

    /**
     * Reads {@code tokens} (at least one) starting from {@code state}, updates {@code state} in place and returns
     * the logits for the token that follows.
     */
    public synchronized float[] feed(int[] tokens, float[] state) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("feed needs at least one token");
        }
        long[] ids = new long[tokens.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokens[i];
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(ids, new Shape(1, ids.length));
            NDArray h = step.create(state, new Shape(1, 1, state.length));
            NDList out = block.forward(parameters, new NDList(x, h), false);
            float[] next = out.get(1).toFloatArray();
            System.arraycopy(next, 0, state, 0, state.length);
            return out.get(0).get(0, ids.length - 1).toFloatArray();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
