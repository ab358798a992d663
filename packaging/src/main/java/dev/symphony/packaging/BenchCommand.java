package dev.symphony.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.process.JvmFlags;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code symphony bench TARGET [--quick] [-- JMH-ARGS]}: runs a module's JMH benchmarks in a child
 * JVM whose class path starts with that module's jar (JMH reads the first
 * {@code META-INF/BenchmarkList} it finds), with the GC profiler on; prints one JSON line per
 * benchmark (name, mode, score, unit, error, gc.alloc.rate.norm in B/op) and keeps JMH's full
 * JSON under {@code target/bench/}. JMH's own progress goes to stderr.
 */
final class BenchCommand {
    /** Benchmark targets: the artifact ids of the modules whose jars carry the benchmarks. */
    private static final Map<String, List<String>> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("editor", List.of("editor"));
        TARGETS.put("pit", List.of("pool-manager", "dag-tracker", "artifact-store", "arbitration", "stale-manager"));
    }

    private static final List<String> QUICK = List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchCommand() {}

    static Set<String> targets() {
        return TARGETS.keySet();
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        int separator = list.indexOf("--");
        List<String> jmhArgs = separator < 0 ? List.of() : List.copyOf(list.subList(separator + 1, list.size()));
        List<String> own = separator < 0 ? list : list.subList(0, separator);
        boolean quick = own.remove("--quick");
        if (own.size() != 1 || !TARGETS.containsKey(own.get(0))) {
            err.println("symphony bench: usage: bench TARGET [--quick] [-- JMH-ARGS]   (TARGET: "
                    + String.join(", ", TARGETS.keySet()) + ")");
            return SymphonyMain.USAGE;
        }
        String target = own.get(0);
        Path resultsDir = repoRoot().resolve("target").resolve("bench");
        Files.createDirectories(resultsDir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        int status = SymphonyMain.OK;
        for (String module : TARGETS.get(target)) {
            Path results = resultsDir.resolve(target + "-" + module + "-" + stamp + ".json");
            int exit = runJmh(module, quick, jmhArgs, results, err);
            if (exit != 0 || !Files.exists(results)) {
                err.println("symphony bench: JMH failed for " + module + " (exit " + exit + ")");
                status = SymphonyMain.FAILED;
                continue;
            }
            printSummary(JSON.readTree(results.toFile()), out);
            err.println("symphony bench: full results in " + results);
        }
        return status;
    }

    private static int runJmh(String module, boolean quick, List<String> jmhArgs, Path results, PrintStream err)
            throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        String jar = classPath.stream().filter(e -> Path.of(e).getFileName().toString().startsWith(module + "-"))
                .findFirst().orElseThrow(() -> new IOException("the " + module + " jar is not on the class path"));
        classPath.remove(jar);
        classPath.add(0, jar);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JvmFlags.forCurrentRuntime().flags());
        benchData().ifPresent(dir -> command.add("-Dsymphony.benchData=" + dir));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), "org.openjdk.jmh.Main"));
        command.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", results.toString()));
        if (quick) {
            command.addAll(QUICK);
        }
        command.addAll(jmhArgs);
        command.add("dev\\.symphony\\..*\\.bench\\..*");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(JvmFlags.forCurrentRuntime().environment());
        Process process = builder.start();
        process.getInputStream().transferTo(err); // progress, not results
        return process.waitFor();
    }

    private static void printSummary(JsonNode results, PrintStream out) {
        for (JsonNode run : results) {
            ObjectNode line = JSON.createObjectNode();
            String name = run.path("benchmark").asText();
            JsonNode params = run.path("params");
            if (params.isObject() && params.size() > 0) {
                StringBuilder suffix = new StringBuilder();
                params.fields().forEachRemaining(p -> suffix.append(suffix.length() == 0 ? "[" : ",")
                        .append(p.getKey()).append('=').append(p.getValue().asText()));
                name += suffix.append(']');
            }
            line.put("name", name);
            line.put("mode", run.path("mode").asText());
            JsonNode primary = run.path("primaryMetric");
            line.set("score", primary.path("score"));
            line.put("unit", primary.path("scoreUnit").asText());
            JsonNode error = primary.path("scoreError");
            line.set("error", error.isNumber() ? error : JSON.nullNode());
            JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            line.set("gc.alloc.rate.norm", alloc.isNumber() ? alloc : JSON.nullNode());
            out.println(line);
        }
    }

    static Path repoRoot() {
        String repo = System.getProperty("symphony.repo");
        return Path.of(repo == null ? "." : repo).toAbsolutePath().normalize();
    }

    /** The shared benchmark data beside the repository, when present. */
    private static java.util.Optional<Path> benchData() {
        Path data = repoRoot().resolveSibling("shared").resolve("bench-data");
        return Files.isDirectory(data) ? java.util.Optional.of(data) : java.util.Optional.empty();
    }
}
