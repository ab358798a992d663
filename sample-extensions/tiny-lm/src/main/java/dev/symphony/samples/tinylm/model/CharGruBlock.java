package dev.symphony.samples.tinylm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The network: token ids (batch, time) → one-hot → one GRU layer → linear → logits (batch, time, vocabulary).
 * Input {@code (ids[, state])}, output {@code (logits, state)} with state shape (1, batch, hidden), so generation
 * can carry the state from one token to the next. One-hot instead of an embedding: with ~100 characters the
 * GRU's input weights are the embedding.
 */
public final class CharGruBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int vocabulary;
    private final int hidden;
    private final GRU gru;
    private final Linear head;

    public CharGruBlock(int vocabulary, int hidden) {
        super(VERSION);
        this.vocabulary = vocabulary;
        this.hidden = hidden;
        this.gru = addChildBlock("gru", GRU.builder().setStateSize(hidden).setNumLayers(1)
                .optBatchFirst(true).optReturnState(true).build());
        this.head = addChildBlock("head", Linear.builder().setUnits(vocabulary).build());
    }

    public int hidden() {
        return hidden;
    }

    public int vocabulary() {
        return vocabulary;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0).oneHot(vocabulary);
        NDList in = inputs.size() > 1 ? new NDList(x, inputs.get(1)) : new NDList(x);
        NDList recurrent = gru.forward(store, in, training);
        NDArray logits = head.forward(store, new NDList(recurrent.get(0)), training).head();
        return new NDList(logits, recurrent.get(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        long batch = inputs[0].get(0);
        long time = inputs[0].get(1);
        return new Shape[] {new Shape(batch, time, vocabulary), new Shape(1, batch, hidden)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        long batch = inputs[0].get(0);
        long time = inputs[0].get(1);
        gru.initialize(manager, dataType, new Shape(batch, time, vocabulary));
        head.initialize(manager, dataType, new Shape(batch, time, hidden));
    }
}
