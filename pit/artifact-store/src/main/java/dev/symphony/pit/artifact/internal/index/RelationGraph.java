package dev.symphony.pit.artifact.internal.index;

import java.util.Arrays;

import org.agrona.collections.LongArrayList;

/**
 * Typed edges between artifacts as parallel primitive arrays with intrusive singly-linked lists: each
 * record holds the head of its outgoing and incoming lists ({@link MetadataFlyweight#firstOutEdge()}), each
 * edge the next edge of the same source and of the same target. Adding an edge is O(1) and allocation-free.
 */
public final class RelationGraph {
    private long[] from = new long[256];
    private long[] to = new long[256];
    private byte[] kind = new byte[256];
    private int[] nextOut = new int[256];
    private int[] nextIn = new int[256];
    private int size;

    /** Adds {@code from --kind--> to}; the flyweights are wrapped on the two records. */
    public void add(MetadataFlyweight source, int kindOrdinal, MetadataFlyweight target) {
        int edge = size++;
        if (edge == from.length) {
            int n = edge * 2;
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            kind = Arrays.copyOf(kind, n);
            nextOut = Arrays.copyOf(nextOut, n);
            nextIn = Arrays.copyOf(nextIn, n);
        }
        from[edge] = source.id();
        to[edge] = target.id();
        kind[edge] = (byte) kindOrdinal;
        nextOut[edge] = source.firstOutEdge();
        source.firstOutEdge(edge);
        nextIn[edge] = target.firstInEdge();
        target.firstInEdge(edge);
    }

    /** Targets of outgoing edges of a kind, oldest first. */
    public void outgoing(MetadataFlyweight record, int kindOrdinal, LongArrayList into) {
        into.clear();
        for (int e = record.firstOutEdge(); e >= 0; e = nextOut[e]) {
            if (kind[e] == kindOrdinal) {
                into.addLong(0, to[e]);
            }
        }
    }

    /** Sources of incoming edges of a kind, oldest first. */
    public void incoming(MetadataFlyweight record, int kindOrdinal, LongArrayList into) {
        into.clear();
        for (int e = record.firstInEdge(); e >= 0; e = nextIn[e]) {
            if (kind[e] == kindOrdinal) {
                into.addLong(0, from[e]);
            }
        }
    }

    public int size() {
        return size;
    }
}
