package dev.symphony.conductor.policy;

import java.util.Arrays;

/**
 * One decision point: the allowed candidates (node, Instrument) with their features, row-major in
 * {@link #features()} ({@link CandidateFeatures#COUNT} floats per candidate), plus each candidate's
 * {@code readyOrder} (when its node became ready; smaller is earlier). Reused across decisions so the hot
 * path does not allocate: {@link #clear()}, then {@link #add}.
 */
public final class Decision {
    private int count;
    private int[] nodes = new int[16];
    private int[] instruments = new int[16];
    private long[] readyOrder = new long[16];
    private float[] features = new float[16 * CandidateFeatures.COUNT];

    public void clear() {
        count = 0;
    }

    /** Adds a candidate; returns its feature row offset in {@link #features()} for the caller to fill. */
    public int add(int node, int instrument, long readySequence) {
        if (count == nodes.length) {
            int cap = count * 2;
            nodes = Arrays.copyOf(nodes, cap);
            instruments = Arrays.copyOf(instruments, cap);
            readyOrder = Arrays.copyOf(readyOrder, cap);
            features = Arrays.copyOf(features, cap * CandidateFeatures.COUNT);
        }
        nodes[count] = node;
        instruments[count] = instrument;
        readyOrder[count] = readySequence;
        int offset = count * CandidateFeatures.COUNT;
        Arrays.fill(features, offset, offset + CandidateFeatures.COUNT, 0f);
        count++;
        return offset;
    }

    public int count() { return count; }
    public int node(int candidate) { return nodes[candidate]; }
    public int instrument(int candidate) { return instruments[candidate]; }
    public long readyOrder(int candidate) { return readyOrder[candidate]; }
    public float feature(int candidate, int feature) { return features[candidate * CandidateFeatures.COUNT + feature]; }

    /** The backing feature array (row-major, at least {@code count() * COUNT} long). Do not keep it. */
    public float[] features() {
        return features;
    }
}
