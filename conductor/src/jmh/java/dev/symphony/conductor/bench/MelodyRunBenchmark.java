package dev.symphony.conductor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.run.Capabilities;
import dev.symphony.conductor.run.Conductor;
import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.conductor.run.RunContext;
import dev.symphony.conductor.run.RunResult;
import dev.symphony.conductor.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The executor's own cost: a whole run of a fan-out/fan-in Melody (input, {@code width} parallel calls, a
 * join call, an output) against an in-process echo capability, so the figure is scheduling, templates,
 * artifact-store writes, journal lines and events — not extension time. Each run also writes its
 * {@code run.json} atomically and fsyncs journal and store at the end.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MelodyRunBenchmark {
    @Param({"8", "32"})
    public int width;

    private Path dir;
    private RunArtifacts artifacts;
    private Conductor conductor;
    private Melody melody;

    /** Echoes its input; the catalog offers it as {@code bench/echo}. */
    static final class Echo implements Capabilities {
        private final CapabilitySpec spec = new CapabilitySpec("bench", "echo", "operator", null, null, 0, 1, 10_000);

        @Override
        public boolean hasExtension(String extension) {
            return extension.equals("bench");
        }

        @Override
        public Optional<CapabilitySpec> find(String extension, String capability) {
            return extension.equals("bench") && capability.equals("echo") ? Optional.of(spec) : Optional.empty();
        }

        @Override
        public List<CapabilitySpec> offering(String capability, String kind) {
            return capability.equals("echo") ? List.of(spec) : List.of();
        }

        @Override
        public JsonNode call(CapabilitySpec s, JsonNode input, Duration timeout) {
            return input;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("melody-bench");
        artifacts = RunArtifacts.open(dir.resolve("artifacts"), 1000, null);
        conductor = new Conductor(new RunContext().capabilities(new Echo()).artifacts(artifacts)
                .runsRoot(dir.resolve("runs")).policy(new HeuristicPolicy()));
        StringBuilder nodes = new StringBuilder("{\"id\":\"in\",\"type\":\"input\",\"default\":\"x\"}");
        StringBuilder connections = new StringBuilder();
        StringBuilder join = new StringBuilder();
        for (int i = 0; i < width; i++) {
            nodes.append(",{\"id\":\"c").append(i).append("\",\"type\":\"call\",\"extension\":\"bench\",\"capability\":\"echo\",")
                    .append("\"input\":{\"text\":\"${in} ").append(i).append("\"}}");
            connections.append(i == 0 ? "" : ",").append("{\"from\":\"in\",\"to\":\"c").append(i).append("\"},")
                    .append("{\"from\":\"c").append(i).append("\",\"to\":\"join\"}");
            join.append("${c").append(i).append(".text};");
        }
        nodes.append(",{\"id\":\"join\",\"type\":\"call\",\"extension\":\"bench\",\"capability\":\"echo\",\"input\":{\"text\":\"")
                .append(join).append("\"}},{\"id\":\"out\",\"type\":\"output\",\"value\":\"${join.text}\"}");
        connections.append(",{\"from\":\"join\",\"to\":\"out\"}");
        String json = "{\"formatVersion\":1,\"name\":\"bench\",\"limits\":{\"maxConcurrency\":4},\"nodes\":[" + nodes
                + "],\"connections\":[" + connections + "]}";
        melody = new MelodyReader(new Echo()).parse(json, null);
        new ObjectMapper().readTree(json);
    }

    @Benchmark
    public RunStatus run() throws Exception {
        RunResult r = conductor.start(melody, JsonNodeFactory.instance.objectNode());
        if (r.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException(r.error());
        }
        return r.status();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        artifacts.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
