package dev.symphony.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.cli.IpcBench;
import dev.symphony.ui.editor.bench.EditorViewBench;
import dev.symphony.kernel.process.JvmFlags;
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
 * {@code symphony bench TARGET [--quick] [--filter REGEX] [-- JMH-ARGS]}: runs the JMH benchmarks of
 * a target's modules (JMH finds every module's benchmark list on the class path; the target selects
 * by package) in a child JVM with the GC profiler on; prints one JSON line per benchmark (name,
 * mode, score, unit, error, gc.alloc.rate.norm in B/op) and keeps JMH's full JSON under
 * {@code target/bench/}. JMH's own progress goes to stderr.
 */
final class BenchCommand {
    /** Benchmark targets: the JMH include pattern of each (benchmarks live in *.bench packages). */
    private static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("editor", "dev\\.symphony\\.editor\\.bench\\..*");
        TARGETS.put("pit", "dev\\.symphony\\.pit\\.[a-z]+\\.bench\\..*");
    }

    private static final List<String> QUICK = List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s");


    private BenchCommand() {}

    /** Targets measured by a probe of their own instead of JMH (names only: `--help` must stay cheap). */
    private static final Set<String> PROBES = Set.of("ipc", "editor-view", "search", "quick-open", "replace-files", "views", "instruments",
            "board", "inline", "lsp", "git");

    /** What only a benchmark run needs, loaded then rather than whenever the launcher starts. */
    private static final class Lazy {
        static final ObjectMapper JSON = new ObjectMapper();
        static final Map<String, Subcommand.Runner> PROBE_RUNNERS = Map.ofEntries(Map.entry("ipc", IpcBench::run),
                Map.entry("editor-view", EditorViewBench::run), Map.entry("search", dev.symphony.editor.cli.SearchBench::run),
                Map.entry("quick-open", dev.symphony.ui.quickopen.QuickOpenBench::run),
                Map.entry("replace-files", dev.symphony.ui.search.ReplaceFilesBench::run),
                Map.entry("views", dev.symphony.ui.addons.bench.ViewsBench::run), Map.entry("instruments", InstrumentsBench::run),
                Map.entry("board", dev.symphony.ui.board.bench.BoardBench::run), Map.entry("inline", InlineBench::run),
                Map.entry("lsp", LspBench::run), Map.entry("git", dev.symphony.ui.extensions.bench.GitBench::run));
    }

    static Set<String> targets() {
        Set<String> all = new java.util.LinkedHashSet<>(TARGETS.keySet());
        all.addAll(PROBES);
        return all;
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        int separator = list.indexOf("--");
        List<String> jmhArgs = separator < 0 ? List.of() : List.copyOf(list.subList(separator + 1, list.size()));
        List<String> own = separator < 0 ? list : list.subList(0, separator);
        if (!own.isEmpty() && PROBES.contains(own.get(0))) {
            return Lazy.PROBE_RUNNERS.get(own.get(0)).run(list.subList(1, list.size()).toArray(String[]::new), out, err);
        }
        boolean quick = own.remove("--quick");
        String filter = null;
        int filterAt = own.indexOf("--filter");
        if (filterAt >= 0 && filterAt + 1 < own.size()) {
            filter = own.get(filterAt + 1);
            own.subList(filterAt, filterAt + 2).clear();
        }
        if (own.size() != 1 || !TARGETS.containsKey(own.get(0))) {
            err.println("symphony bench: usage: bench TARGET [--quick] [--filter REGEX] [-- JMH-ARGS]   (TARGET: "
                    + String.join(", ", targets()) + ")");
            return SymphonyMain.USAGE;
        }
        String target = own.get(0);
        Path resultsDir = repoRoot().resolve("target").resolve("bench");
        Files.createDirectories(resultsDir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path results = resultsDir.resolve(target + "-" + stamp + ".json");
        String include = filter == null ? TARGETS.get(target) : TARGETS.get(target) + "(?i)" + ".*" + filter + ".*";
        int exit = runJmh(include, quick, jmhArgs, results, err);
        if (exit != 0 || !Files.exists(results)) {
            err.println("symphony bench: JMH failed (exit " + exit + ")");
            return SymphonyMain.FAILED;
        }
        printSummary(Lazy.JSON.readTree(results.toFile()), out);
        err.println("symphony bench: full results in " + results);
        return SymphonyMain.OK;
    }

    private static int runJmh(String include, boolean quick, List<String> jmhArgs, Path results, PrintStream err)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JvmFlags.forCurrentRuntime().flags());
        benchData().ifPresent(dir -> command.add("-Dsymphony.benchData=" + dir));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main"));
        command.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", results.toString()));
        if (quick) {
            command.addAll(QUICK);
        }
        command.addAll(jmhArgs);
        command.add(include);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(JvmFlags.forCurrentRuntime().environment());
        Process process = builder.start();
        process.getInputStream().transferTo(err); // progress, not results
        return process.waitFor();
    }

    private static void printSummary(JsonNode results, PrintStream out) {
        for (JsonNode run : results) {
            ObjectNode line = Lazy.JSON.createObjectNode();
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
            line.set("error", error.isNumber() ? error : Lazy.JSON.nullNode());
            JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            line.set("gc.alloc.rate.norm", alloc.isNumber() ? alloc : Lazy.JSON.nullNode());
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
