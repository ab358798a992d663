package dev.symphony.conductor.policy.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.symphony.conductor.policy.CandidateFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy network's forward pass in plain Java over weights copied out of a DJL block: no JNI call per
 * decision and no allocation (scratch arrays are reused; not thread-safe). Layer {@code k} computes
 * {@code relu(W_k x + b_k)} (no ReLU on the last), with DJL's {@code Linear} weight layout (out, in).
 */
public final class MlpForward {
    private final float[][] weights;
    private final float[][] biases;
    private final int[] widths;
    private final float[] a;
    private final float[] b;

    public MlpForward(float[][] weights, float[][] biases, int[] widths) {
        this.weights = weights;
        this.biases = biases;
        this.widths = widths;
        int max = 0;
        for (int w : widths) {
            max = Math.max(max, w);
        }
        a = new float[max];
        b = new float[max];
    }

    /** Copies the weights of {@code block} (Linear layers in order; weight then bias). */
    public static MlpForward copyOf(Block block) {
        List<float[]> ws = new ArrayList<>();
        List<float[]> bs = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        widths.add(CandidateFeatures.COUNT);
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            if (p.getKey().endsWith("weight")) {
                long[] shape = array.getShape().getShape();
                if (shape[1] != widths.get(widths.size() - 1)) {
                    throw new IllegalArgumentException("layer " + p.getKey() + " expects " + shape[1]
                            + " inputs, previous width is " + widths.get(widths.size() - 1));
                }
                widths.add((int) shape[0]);
                ws.add(array.toFloatArray());
            } else {
                bs.add(array.toFloatArray());
            }
        }
        if (ws.size() != bs.size() || widths.get(widths.size() - 1) != 1) {
            throw new IllegalArgumentException("not a policy network: " + widths);
        }
        return new MlpForward(ws.toArray(new float[0][]), bs.toArray(new float[0][]),
                widths.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Scores {@code count} candidates whose features are rows of {@code features}. */
    public void score(float[] features, int count, float[] scores) {
        for (int c = 0; c < count; c++) {
            scores[c] = scoreRow(features, c * widths[0]);
        }
    }

    private float scoreRow(float[] x, int offset) {
        System.arraycopy(x, offset, a, 0, widths[0]);
        float[] in = a;
        float[] out = b;
        int layers = weights.length;
        for (int l = 0; l < layers; l++) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            float[] w = weights[l];
            float[] bias = biases[l];
            boolean relu = l < layers - 1;
            for (int o = 0; o < nOut; o++) {
                float s = bias[o];
                int row = o * nIn;
                for (int i = 0; i < nIn; i++) {
                    s += w[row + i] * in[i];
                }
                out[o] = relu && s < 0 ? 0 : s;
            }
            float[] t = in;
            in = out;
            out = t;
        }
        return in[0];
    }
}
