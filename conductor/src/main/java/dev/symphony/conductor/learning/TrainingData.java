package dev.symphony.conductor.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.policy.CandidateFeatures;
import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-run training data: {@code ROOT/RUN_ID.jsonl} per recorded run (a header line — run, Melody, status,
 * decisions, training value — then one {@link DecisionRecord} per line), archived runs under
 * {@code ROOT/archive/}. Which files stay local, go to the archive or are deleted is the stale manager's
 * decision ({@link TrainingRetention}); this class only writes, lists and reads.
 */
public final class TrainingData {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUFFIX = ".jsonl";
    private final Path root;

    public TrainingData(Path root) {
        this.root = root;
    }

    /** Where the product keeps it: {@code <data>/policy/real-runs}. */
    public static TrainingData userDefault() {
        return new TrainingData(SymphonyPaths.resolve().data("policy").resolve("real-runs"));
    }

    public Path root() {
        return root;
    }

    public Path archive() {
        return root.resolve("archive");
    }

    /**
     * How much the run can teach the policy, in [0, 1] (the stale manager's training value): the share of
     * decisions that offered a real choice, plus a bonus when an informative decision failed (outcomes that
     * disagree with the expectation carry the most signal). A run without any choice is worth 0.
     */
    public static float trainingValue(List<DecisionRecord> records) {
        if (records.isEmpty()) {
            return 0f;
        }
        int informative = 0;
        boolean surprise = false;
        for (DecisionRecord r : records) {
            if (r.informative()) {
                informative++;
                surprise |= r.failed();
            }
        }
        double v = 0.7 * informative / records.size() + (surprise ? 0.3 : 0);
        return (float) Math.min(1, v);
    }

    /**
     * Writes one run's records atomically ({@code RUN_ID.jsonl}; the part after a resume {@code RUN_ID-2.jsonl}…);
     * returns the file (none is written for zero records).
     */
    public Path write(String runId, String melody, String status, List<DecisionRecord> records) throws IOException {
        if (records.isEmpty()) {
            return null;
        }
        Path file = root.resolve(runId + SUFFIX);
        for (int part = 2; Files.exists(file) || Files.exists(archive().resolve(file.getFileName())); part++) {
            file = root.resolve(runId + "-" + part + SUFFIX); // a resumed run's later part
        }
        Files.createDirectories(root);
        StringBuilder text = new StringBuilder();
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("v", 1).put("runId", runId).put("melody", melody)
                .put("status", status).put("decisions", records.size()).put("trainingValue", trainingValue(records));
        text.append(header).append('\n');
        for (DecisionRecord r : records) {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("node", r.node()).put("provider", r.provider())
                    .put("count", r.count()).put("chosen", r.chosen()).put("durationMs", r.durationMs())
                    .put("cost", r.cost()).put("failed", r.failed()).put("reward", r.reward())
                    .put("policy", r.policy()).put("probability", r.probability()).put("decisionNanos", r.decisionNanos());
            ArrayNode f = o.putArray("features");
            for (float x : r.features()) {
                f.add(x);
            }
            text.append(o).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
        return file;
    }

    /** The local run files (not the archive), oldest name first. */
    public List<Path> localFiles() throws IOException {
        return list(root);
    }

    public List<Path> archivedFiles() throws IOException {
        return list(archive());
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** The training value in a file's header (0 if it cannot be read). */
    static float headerValue(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first == null ? 0f : (float) JSON.readTree(first).path("trainingValue").asDouble(0);
        } catch (IOException e) {
            return 0f;
        }
    }

    /** Every decision record of the given files (unreadable lines are skipped: the data is advisory). */
    public static List<DecisionRecord> read(List<Path> files) throws IOException {
        List<DecisionRecord> out = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                try {
                    out.add(parse(JSON.readTree(lines.get(i))));
                } catch (IOException | RuntimeException bad) {
                    // a hand-edited or torn line: leave it out
                }
            }
        }
        return out;
    }

    private static DecisionRecord parse(JsonNode o) {
        JsonNode f = o.get("features");
        float[] features = new float[f.size()];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) f.get(i).asDouble();
        }
        if (features.length % CandidateFeatures.COUNT != 0) {
            throw new IllegalArgumentException("feature layout changed");
        }
        return new DecisionRecord(o.path("node").asText(), o.path("provider").asText(), features, o.path("count").asInt(),
                o.path("chosen").asInt(), o.path("durationMs").asLong(), o.path("cost").asDouble(), o.path("failed").asBoolean(),
                o.path("reward").asDouble(), o.path("policy").asText("unknown"), o.path("probability").asDouble(1.0),
                o.path("decisionNanos").asLong(-1));
    }
}
