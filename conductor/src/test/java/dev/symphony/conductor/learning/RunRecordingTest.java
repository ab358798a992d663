package dev.symphony.conductor.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.policy.CandidateFeatures;
import dev.symphony.conductor.run.HarnessTest;
import dev.symphony.conductor.run.RunResult;
import dev.symphony.conductor.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import dev.symphony.pit.stale.api.DiskBudget;
import dev.symphony.pit.stale.api.RetentionPolicy;
import org.junit.jupiter.api.Test;

/** A finished run's scheduling decisions become training data, kept by the stale manager's training-value rules. */
class RunRecordingTest extends HarnessTest {
    /** Three parallel nodes on one slot (decisions with 3, 2 and 1 candidates), one fails and is skipped; a Maestro node. */
    static final String MELODY = "{\"formatVersion\":1,\"name\":\"learn\",\"limits\":{\"maxConcurrency\":1},\"nodes\":["
            + "{\"id\":\"s1\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"input\":{\"ms\":30}},"
            + "{\"id\":\"s2\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"input\":{\"ms\":5}},"
            + "{\"id\":\"bad\",\"type\":\"call\",\"essential\":false,\"extension\":\"test.ops\",\"capability\":\"fail\",\"input\":{},\"onError\":{\"then\":\"skip\"}},"
            + "{\"id\":\"sum\",\"type\":\"call\",\"capability\":\"summarize\",\"input\":{\"text\":\"x\"}}],"
            + "\"connections\":[{\"from\":\"s1\",\"to\":\"sum\"},{\"from\":\"s2\",\"to\":\"sum\"}]}";

    /** Runs {@link #MELODY} {@code times} times recording into {@code data}. */
    static void record(dev.symphony.conductor.run.Harness h, TrainingData data, int times) throws Exception {
        h.trainingData = data;
        for (int i = 0; i < times; i++) {
            RunResult r = h.run(MELODY);
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        }
    }

    @Test
    void aRecordedRunWritesOneRecordPerDecisionWithItsOutcome() throws Exception {
        TrainingData data = new TrainingData(dir.resolve("real-runs"));
        record(h, data, 1);
        List<Path> files = data.localFiles();
        assertEquals(1, files.size());
        List<DecisionRecord> records = TrainingData.read(files);
        assertEquals(4, records.size(), records.toString());
        assertEquals(4, h.ofType("run.finished").get(0).path("trainingRecords").asInt());
        // One slot, three ready nodes: the first decision has three candidates; the Maestro node adds two (one per provider).
        List<Integer> counts = records.stream().map(DecisionRecord::count).toList();
        assertEquals(3, counts.get(0), counts.toString());
        assertTrue(records.stream().filter(DecisionRecord::informative).count() >= 3, counts.toString());
        assertEquals(List.of("bad", "s1", "s2", "sum"), records.stream().map(DecisionRecord::node).sorted().toList());
        for (DecisionRecord r : records) {
            assertEquals(r.count() * CandidateFeatures.COUNT, r.features().length);
            assertTrue(r.chosen() >= 0 && r.chosen() < r.count());
            assertTrue(r.durationMs() >= 0 && r.reward() <= 1 && r.reward() >= -2, r.toString());
            assertEquals("critical-path", r.policy(), "which policy decided (the harness runs the heuristic)");
            assertEquals(1.0, r.probability(), "the policy takes its best candidate: probability 1");
            assertTrue(r.decisionNanos() > 0, "the decision's wall time in the run is recorded: " + r);
        }
        // fqg latency reads them back: one line for the deciding policy, p50 <= p99 <= max, all > 0.
        dev.symphony.conductor.CliRun latency = dev.symphony.conductor.CliRun.of(
                dev.symphony.conductor.fqg.cli.FqgCommand::run, "latency", "--real", data.root().toString());
        assertEquals(0, latency.code(), latency.err());
        com.fasterxml.jackson.databind.JsonNode line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(latency.out());
        assertEquals("critical-path", line.path("policy").asText(), latency.out());
        assertEquals(4, line.path("decisions").asInt(), latency.out());
        double p50 = line.path("p50Us").asDouble();
        double p99 = line.path("p99Us").asDouble();
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= line.path("maxUs").asDouble(), latency.out());
        assertTrue(latency.err().contains("load average"), latency.err());
        DecisionRecord bad = records.stream().filter(r -> r.node().equals("bad")).findFirst().orElseThrow();
        assertTrue(bad.failed());
        assertTrue(bad.reward() < records.stream().filter(r -> r.node().equals("s2")).findFirst().orElseThrow().reward());
        assertTrue(TrainingData.headerValue(files.get(0)) > 0.5f, "choices and a surprise: worth keeping");
    }

    @Test
    void latencyWithoutRecordedRunsSaysSo() throws Exception {
        dev.symphony.conductor.CliRun none = dev.symphony.conductor.CliRun.of(
                dev.symphony.conductor.fqg.cli.FqgCommand::run, "latency", "--real", dir.resolve("nothing").toString());
        assertEquals(1, none.code(), none.out());
        assertTrue(none.err().contains("no recorded decision with its latency in " + dir.resolve("nothing")), none.err());
    }

    @Test
    void previewRunsAreNotRecorded() throws Exception {
        TrainingData data = new TrainingData(dir.resolve("real-runs"));
        h.trainingData = data;
        assertEquals(RunStatus.SUCCEEDED, new dev.symphony.conductor.run.Conductor(h.context().preview(true))
                .start(h.melody(MELODY), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()).status());
        assertEquals(List.of(), data.localFiles());
    }

    @Test
    void retentionArchivesWorthlessOldRunsFirstAndKeepsValuableOnesLocal() throws Exception {
        TrainingData data = new TrainingData(dir.resolve("real-runs"));
        record(h, data, 1);
        Path valuable = data.localFiles().get(0);
        DecisionRecord single = new DecisionRecord("only", "x/y", new float[CandidateFeatures.COUNT], 1, 0, 5, 0, false, 0.9, "rl", 1.0, 1000);
        Path worthless = data.write("worthless-run", "m", "succeeded", List.of(single));
        assertEquals(0f, TrainingData.headerValue(worthless));
        AtomicLong now = new AtomicLong(System.currentTimeMillis());
        long fortyDaysAgo = now.get() - Duration.ofDays(40).toMillis();
        Files.setLastModifiedTime(valuable, FileTime.fromMillis(fortyDaysAgo));
        Files.setLastModifiedTime(worthless, FileTime.fromMillis(fortyDaysAgo));
        TrainingRetention retention = new TrainingRetention(data, RetentionPolicy.defaults(), DiskBudget.UNLIMITED, now::get);
        TrainingRetention.Report report = retention.sweep();
        assertEquals(2, report.tracked());
        assertEquals(1, report.archived());
        // 40 days unused: the worthless file is past the 30-day local window; the valuable one (value > 0.5,
        // boost 3) ages at most 40 / 2.5 = 16 days.
        assertEquals(List.of(valuable), data.localFiles());
        assertEquals(List.of(data.archive().resolve(worthless.getFileName())), data.archivedFiles());
        // Under archive pressure the archived, finished, unreferenced run is deleted (the last resort).
        TrainingRetention tight = new TrainingRetention(data, RetentionPolicy.defaults(), new DiskBudget(Long.MAX_VALUE, 1), now::get);
        assertEquals(1, tight.sweep().deleted());
        assertEquals(List.of(), data.archivedFiles());
        assertFalse(data.localFiles().isEmpty());
    }

    @Test
    void theCriticalTailIsAShareOfTheRunsReferenceCriticalPathAsInTheGame() throws Exception {
        h.ops.add("test.slow", "step", "{\"type\":\"object\"}", "{\"type\":\"object\"}", 100, 0, in -> in);
        TrainingData data = new TrainingData(dir.resolve("real-runs"));
        h.trainingData = data;
        String chain = "{\"formatVersion\":1,\"name\":\"chain\",\"nodes\":["
                + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.slow\",\"capability\":\"step\",\"input\":{}},"
                + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.slow\",\"capability\":\"step\",\"input\":{}},"
                + "{\"id\":\"c\",\"type\":\"call\",\"extension\":\"test.slow\",\"capability\":\"step\",\"input\":{}}],"
                + "\"connections\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"b\",\"to\":\"c\"}]}";
        assertEquals(RunStatus.SUCCEEDED, h.run(chain).status());
        List<DecisionRecord> records = TrainingData.read(data.localFiles());
        // As the FQG simulator defines it (CandidateRows): the node's reference tail over the run's reference critical
        // path, fixed for the run; what remains of the path shows in URGENCY (remaining path / time left).
        assertEquals(List.of("a", "b", "c"), records.stream().map(DecisionRecord::node).toList());
        double[] share = {1, 2 / 3.0, 1 / 3.0};
        for (int i = 0; i < 3; i++) {
            assertEquals(share[i], records.get(i).features()[CandidateFeatures.CRITICAL_TAIL], 1e-5, records.get(i).node());
        }
    }
}
