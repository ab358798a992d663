package dev.symphony.ui.board.bench;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Generated Melodies for the board bench: {@code nodes} nodes in layers of {@link #ROWS} (inputs first, outputs
 * last, calls between), {@code 1.5 × nodes} connections each from an earlier layer to a later one, and every
 * node's position in the file's {@code layout} section, as the board writes it (fewer connections when a small
 * Melody's neighbouring layers have no room for that many). Seeded: the same arguments give
 * the same text.
 */
public final class BoardMelodies {
    static final int ROWS = 20;
    static final int LAYER_X = 280;
    static final int ROW_Y = 100;

    private BoardMelodies() {
    }

    public static String generate(int nodes, long seed) {
        Random random = new Random(seed);
        int layers = (nodes + ROWS - 1) / ROWS;
        StringBuilder b = new StringBuilder(nodes * 200);
        b.append("{\n  \"formatVersion\": 1,\n  \"name\": \"Generated board bench Melody (").append(nodes)
                .append(" nodes, seed ").append(seed).append(")\",\n  \"nodes\": [\n");
        for (int i = 0; i < nodes; i++) {
            int layer = i / ROWS;
            String id = "n" + i;
            b.append("    ");
            if (layer == 0) {
                b.append("{\"id\": \"").append(id).append("\", \"type\": \"input\", \"schema\": {\"type\": \"string\"}}");
            } else if (layer == layers - 1) {
                b.append("{\"id\": \"").append(id).append("\", \"type\": \"output\", \"value\": \"done\"}");
            } else {
                b.append("{\"id\": \"").append(id).append("\", \"type\": \"call\", \"title\": \"Step ").append(i)
                        .append("\", \"extension\": \"dev.symphony.samples.text-tools\", \"capability\": \"case\", ")
                        .append("\"input\": {\"text\": \"step ").append(i).append("\", \"to\": \"snake\"}}");
            }
            b.append(i + 1 < nodes ? ",\n" : "\n");
        }
        b.append("  ],\n  \"connections\": [\n");
        int target = nodes * 3 / 2;
        Set<Long> edges = new HashSet<>();
        int made = 0;
        for (int i = ROWS; i < nodes; i++) { // every node after the first layer has a parent in the layer before
            int layer = i / ROWS;
            int from = (layer - 1) * ROWS + random.nextInt(ROWS);
            made += edge(b, edges, from, i, made, target);
        }
        // small Melodies may not have room for 1.5 connections per node between neighbouring layers: bounded tries
        for (int tries = 0; made < target && layers > 1 && tries < target * 50; tries++) {
            int to = ROWS + random.nextInt(nodes - ROWS);
            int fromLayer = Math.max(0, to / ROWS - 1 - random.nextInt(2));
            int from = fromLayer * ROWS + random.nextInt(ROWS);
            made += edge(b, edges, from, to, made, target);
        }
        b.append("\n  ],\n  \"layout\": {\n");
        for (int i = 0; i < nodes; i++) {
            b.append("    \"n").append(i).append("\": {\"x\": ").append((i / ROWS) * LAYER_X).append(", \"y\": ")
                    .append((i % ROWS) * ROW_Y).append('}').append(i + 1 < nodes ? ",\n" : "\n");
        }
        return b.append("  }\n}\n").toString();
    }

    private static int edge(StringBuilder b, Set<Long> edges, int from, int to, int made, int target) {
        if (made >= target || from >= to || from / ROWS == to / ROWS || !edges.add((long) from << 32 | to)) {
            return 0;
        }
        b.append(made > 0 ? ",\n" : "").append("    {\"from\": \"n").append(from).append("\", \"to\": \"n").append(to).append("\"}");
        return 1;
    }
}
