package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.pit.pool.api.CallSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool manager's per-Instrument call samples across runs, on disk ({@code <data>/pool/instrument-stats.json} for
 * {@code symphony run} and {@code serve}): one object per Instrument with its recent calls in columns, oldest first.
 * Written whole through a temporary file and an atomic move, so a reader sees the old file or the new one.
 * <pre>
 * {"version": 1, "instruments": {"ext/capability": {"latencyNanos": [..], "succeeded": [..], "costMicros": [..], "tokens": [..]}}}
 * </pre>
 */
final class InstrumentStatsFile {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLUMNS = {"latencyNanos", "succeeded", "costMicros", "tokens"};

    private InstrumentStatsFile() {
    }

    /** The samples in {@code file} (empty when it does not exist); IOException naming the file and the place if it is not one of ours. */
    static Map<String, List<CallSample>> read(Path file) throws IOException {
        Map<String, List<CallSample>> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || root.path("version").asInt(-1) != VERSION || !root.path("instruments").isObject()) {
            throw new IOException(file + ": expected {\"version\": " + VERSION + ", \"instruments\": {…}}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("instruments").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), samples(file, "$.instruments['" + e.getKey() + "']", e.getValue()));
        }
        return out;
    }

    private static List<CallSample> samples(Path file, String where, JsonNode node) throws IOException {
        int n = -1;
        for (String c : COLUMNS) {
            JsonNode column = node.path(c);
            if (!column.isArray() || (n >= 0 && column.size() != n)) {
                throw new IOException(file + ": " + where + "." + c + " must be an array as long as the other columns");
            }
            n = column.size();
        }
        List<CallSample> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JsonNode ok = node.get("succeeded").get(i);
            if (!ok.isBoolean() || !node.get("latencyNanos").get(i).canConvertToLong()
                    || !node.get("costMicros").get(i).canConvertToLong() || !node.get("tokens").get(i).canConvertToLong()) {
                throw new IOException(file + ": " + where + ": sample " + i + " is not (integer, boolean, integer, integer)");
            }
            try {
                out.add(new CallSample(node.get("latencyNanos").get(i).asLong(), ok.asBoolean(),
                        node.get("costMicros").get(i).asLong(), node.get("tokens").get(i).asLong()));
            } catch (IllegalArgumentException bad) {
                throw new IOException(file + ": " + where + ": sample " + i + ": " + bad.getMessage(), bad);
            }
        }
        return out;
    }

    static void write(Path file, Map<String, List<CallSample>> samples) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        ObjectNode instruments = root.putObject("instruments");
        for (Map.Entry<String, List<CallSample>> e : samples.entrySet()) {
            ObjectNode o = instruments.putObject(e.getKey());
            ArrayNode latency = o.putArray(COLUMNS[0]);
            ArrayNode ok = o.putArray(COLUMNS[1]);
            ArrayNode cost = o.putArray(COLUMNS[2]);
            ArrayNode tokens = o.putArray(COLUMNS[3]);
            for (CallSample s : e.getValue()) {
                latency.add(s.latencyNanos());
                ok.add(s.succeeded());
                cost.add(s.costMicros());
                tokens.add(s.tokens());
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }
}
