package dev.symphony.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code symphony bench lsp [--quick] [--pyright]}: the lsp extension (from this repository's built module) in a real host with the
 * real typescript-language-server, on a generated TypeScript project of 50,000 lines (5,000 with --quick). After the
 * server has loaded the project, keystrokes are sent at 10 per second into one file the way the workbench sends them
 * ({@code documents} change with one range, then a {@code language} completion that supersedes the one before), and
 * per completion the time from the request to its {@code workbench.languageResult} is split into the server's own time
 * (measured in the extension from writing the request to its answer) and Symphony's overhead (bus, host, extension,
 * events). Prints one JSON line: {@code completionOverheadP50Ms}, {@code requestOverheadP99Ms}, {@code syncCallP99Ms}
 * (a keystroke's {@code documents} call, the workbench's sync thread), messages per keystroke ({@code didChange},
 * {@code completion}, {@code $/cancelRequest}), {@code supersededAnswersEmitted} (answers to superseded requests that
 * reached the workbench: it drops them by id), {@code answersForOlderText} (answers that arrived after more typing:
 * mapped or dropped by the workbench's rule), and the load average at start and end: figures count only below 0.5.
 * With {@code --pyright}: the real pyright on a copy of the Python standard library's {@code json} and {@code asyncio}
 * packages, typing a synthetic line into {@code main.py} (the trace is for TypeScript).
 * Needs the server installed ({@code symphony lsp install typescript} or {@code pyright}); it says so otherwise.
 */
final class LspBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LSP = "dev.symphony.samples.lsp";
    /**
     * Where the overhead goes, from the stamps the extension returns (one monotonic clock for the machine's processes):
     * the call to the host's operator (kernel, bus, host dispatch), the operator to the request written (the pool's and
     * the session's threads, LSP4J's serialisation), the answer parsed to emitted (conversion), emitted to the caller
     * (host bus, kernel, its listener thread).
     */
    private static final String[] SPLIT = {"callToHost", "hostToServer", "convert", "emitToCaller"};

    private LspBench() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        boolean pyright = Arrays.asList(args).contains("--pyright");
        if (args.length > (quick ? 1 : 0) + (pyright ? 1 : 0)) {
            err.println("usage: symphony bench lsp [--quick] [--pyright]");
            return SymphonyMain.USAGE;
        }
        int lines = quick ? 5_000 : 50_000;
        int keystrokes = quick ? 100 : 1_000;
        int warmUp = quick ? 50 : 200; // typed first and not counted: the JIT compiles the path (JMH's warm-up iterations)
        Path work = Files.createTempDirectory("symphony-bench-lsp");
        Path project = work.resolve("project");
        Path main;
        if (pyright) {
            java.util.Optional<Path> stdlib = LspPythonProject.standardLibrary();
            if (stdlib.isEmpty()) {
                err.println("symphony bench lsp --pyright: no Python standard library found (python3 on the PATH is asked where json is)");
                return SymphonyMain.FAILED;
            }
            main = LspPythonProject.copy(stdlib.get(), project);
            lines = LspPythonProject.lines(project);
        } else {
            main = generate(project, lines);
        }
        Path devRoot = Files.createDirectories(work.resolve("dev"));
        Files.createSymbolicLink(devRoot.resolve("lsp"), BenchCommand.repoRoot().resolve("sample-extensions").resolve("lsp"));
        Path tools = dev.symphony.kernel.paths.SymphonyPaths.resolve().tools(); // the user's installed servers, before the home moves
        System.setProperty("symphony.home", work.resolve("home").toString());
        Path benchTools = dev.symphony.kernel.paths.SymphonyPaths.resolve().tools();
        if (!benchTools.equals(tools) && Files.isDirectory(tools)) {
            Files.createDirectories(benchTools.getParent());
            Files.createSymbolicLink(benchTools, tools);
        }
        ObjectNode result = JSON.createObjectNode().put("loadAverageAtStart", loadAverage()).put("projectLines", lines)
                .put("keystrokes", keystrokes).put("warmUpKeystrokes", warmUp);
        Map<Long, long[]> asked = new ConcurrentHashMap<>(); // id -> {sent ns, version}
        List<double[]> answers = java.util.Collections.synchronizedList(new ArrayList<>()); // {e2e, server, then SPLIT's} ms
        AtomicReference<String> status = new AtomicReference<>("");
        long[] counters = new long[3]; // superseded answers emitted, answers for an older text, counted from (ns)
        long[] latest = {-1, 1}; // latest completion id, current version
        try (Kernel kernel = Kernel.start(KernelContext.standard().workspace(project).developmentRoot(devRoot)
                // on a loaded machine a host starting beside tsserver misses heartbeats (killed as hung after ~0.8 s);
                // the bench measures requests, not hang detection
                .hangTimeout(java.time.Duration.ofSeconds(10)));
             AutoCloseable events = kernel.onExtensionEvent((id, name, payload) -> {
                 if (name.equals("workbench.statusBar")) {
                     status.set(payload.path("text").asText());
                 } else if (name.equals("workbench.languageResult")) {
                     long[] a = asked.remove(payload.path("id").asLong());
                     if (a != null && !payload.path("result").has("error")) {
                         synchronized (latest) {
                             if (a[0] < counters[2]) {
                                 return; // asked while warming up
                             }
                             if (payload.path("id").asLong() != latest[0]) {
                                 counters[0]++;
                             } else if (payload.path("version").asLong() != latest[1]) {
                                 counters[1]++;
                             }
                         }
                         long now = System.nanoTime();
                         JsonNode t = payload.path("result").path("timing");
                         answers.add(new double[] {(now - a[0]) / 1e6, payload.path("result").path("serverMs").asDouble(),
                             (t.path("receivedNs").asLong() - a[0]) / 1e6, (t.path("writtenNs").asLong() - t.path("receivedNs").asLong()) / 1e6,
                             (t.path("emittedNs").asLong() - t.path("answeredNs").asLong()) / 1e6, (now - t.path("emittedNs").asLong()) / 1e6});
                     }
                 }
             })) {
            LspTyping typing = LspTyping.trace(BenchCommand.repoRoot().resolveSibling("shared").resolve("bench-data")
                    .resolve("editing-traces").resolve("sveltecomponent.json.gz"), warmUp + keystrokes).filter(t -> !pyright)
                    .orElse(LspTyping.synthetic(pyright ? "json.dumps(asyncio.sleep(1))\n" : "m0.fn0(1);\n", warmUp + keystrokes));
            result.put("server", pyright ? "pyright" : "typescript");
            result.put("typing", typing.name());
            StringBuilder doc = new StringBuilder(Files.readString(main));
            int base = doc.length(); // the typed text follows the file's own lines
            doc.append(typing.startText());
            Files.writeString(main, doc);
            call(kernel, "documents", JSON.createObjectNode().put("event", "open").put("root", project.toString())
                    .put("file", main.toString()).put("version", 1).put("text", doc.toString()));
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (answers.isEmpty()) { // the server loads the project: ask until a completion answers
                if (status.get().contains("not installed") || status.get().contains("gave up") || System.nanoTime() > deadline) {
                    err.println("symphony bench lsp: " + status.get());
                    return SymphonyMain.FAILED;
                }
                int[] end = LspTyping.lineColumn(doc, doc.length());
                complete(kernel, main, asked, latest, end[0], end[1]);
                Thread.sleep(1000);
            }
            long before = 0;
            long completionsBefore = 0;
            long cancelsBefore = 0;
            int typed = typing.keystrokes().size();
            int counted = Math.max(0, typed - warmUp);
            double[] sync = new double[counted];
            int latestWordStart = -1;
            for (int k = 0; k < typed; k++) {
                if (k == typed - counted) { // warmed up: count from here
                    synchronized (latest) {
                        answers.clear();
                        counters[0] = 0;
                        counters[1] = 0;
                        counters[2] = System.nanoTime();
                    }
                    before = stats(kernel, "textDocument/didChange");
                    completionsBefore = stats(kernel, "textDocument/completion");
                    cancelsBefore = stats(kernel, "$/cancelRequest");
                }
                LspTyping.Keystroke key = typing.keystrokes().get(k);
                int offset = Math.min(doc.length(), base + key.offset());
                int endOffset = Math.min(doc.length(), offset + key.deleted());
                int[] from = LspTyping.lineColumn(doc, offset);
                int[] to = LspTyping.lineColumn(doc, endOffset);
                long t0 = System.nanoTime();
                synchronized (latest) {
                    latest[1]++;
                }
                ObjectNode change = JSON.createObjectNode().put("event", "change").put("file", main.toString()).put("version", latest[1]);
                change.putArray("changes").addObject().put("startLine", from[0]).put("startColumn", from[1]).put("endLine", to[0])
                        .put("endColumn", to[1]).put("text", key.text());
                call(kernel, "documents", change);
                if (k >= typed - counted) {
                    sync[k - (typed - counted)] = (System.nanoTime() - t0) / 1e6;
                }
                doc.replace(offset, endOffset, key.text());
                int caret = offset + key.text().length();
                char c = key.text().length() == 1 ? key.text().charAt(0) : '\n';
                int wordStart = caret;
                while (wordStart > base && Character.isJavaIdentifierPart(doc.charAt(wordStart - 1))) {
                    wordStart--;
                }
                boolean word = Character.isJavaIdentifierPart(c);
                boolean pending;
                synchronized (latest) {
                    pending = asked.containsKey(latest[0]);
                }
                if (c == '.' || word && (!pending || wordStart != latestWordStart)) {
                    int[] at = LspTyping.lineColumn(doc, caret);
                    complete(kernel, main, asked, latest, at[0], at[1]); // as the workbench: one request out per word
                    latestWordStart = wordStart;
                }
                Thread.sleep(Math.max(0, 100 - (System.nanoTime() - t0) / 1_000_000));
            }
            Thread.sleep(2000);
            double[] overhead = answers.stream().mapToDouble(a -> a[0] - a[1]).sorted().toArray();
            Arrays.sort(sync);
            result.put("completionsAnswered", overhead.length);
            result.set("completionOverheadP50Ms", figure(percentile(overhead, 0.5)));
            result.set("requestOverheadP99Ms", figure(percentile(overhead, 0.99)));
            result.set("serverP50Ms", figure(percentile(answers.stream().mapToDouble(a -> a[1]).sorted().toArray(), 0.5)));
            ObjectNode split = result.putObject("overheadSplitMs");
            for (int i = 0; i < SPLIT.length; i++) {
                int at = i + 2;
                double[] part = answers.stream().mapToDouble(a -> a[at]).sorted().toArray();
                split.putObject(SPLIT[i]).<ObjectNode>set("p50", figure(percentile(part, 0.5))).set("p99", figure(percentile(part, 0.99)));
            }
            result.put("syncCallP99Ms", round(percentile(sync, 0.99)));
            result.put("didChangePerKeystroke", round((stats(kernel, "textDocument/didChange") - before) / (double) sync.length));
            result.put("completionPerKeystroke", round((stats(kernel, "textDocument/completion") - completionsBefore) / (double) sync.length));
            result.put("cancelRequestsSent", stats(kernel, "$/cancelRequest") - cancelsBefore);
            result.put("supersededAnswersEmitted", counters[0]);
            result.put("answersForOlderText", counters[1]);
        }
        result.put("loadAverageAtEnd", loadAverage());
        // at the end the load includes the bench's own kernel, host and server: the machine is judged before it starts
        result.put("quiet", result.path("loadAverageAtStart").asDouble(99) < 0.5);
        result.put("note", "figures count only on a quiet machine (load average below 0.5 before the bench starts: \"quiet\": true)");
        out.println(result);
        return SymphonyMain.OK;
    }

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong(1);

    private static void complete(Kernel kernel, Path main, Map<Long, long[]> asked, long[] latest, int line, int column) {
        long id = IDS.getAndIncrement();
        synchronized (latest) {
            latest[0] = id;
        }
        asked.put(id, new long[] {System.nanoTime(), latest[1]});
        call(kernel, "language", JSON.createObjectNode().put("request", "completion").put("id", id).put("file", main.toString())
                .put("version", latest[1]).put("line", line).put("column", column));
    }

    private static long stats(Kernel kernel, String method) {
        return call(kernel, "language", JSON.createObjectNode().put("request", "stats")).path("sent").path(method).asLong();
    }

    private static JsonNode call(Kernel kernel, String capability, ObjectNode input) {
        return kernel.call(new CapabilityCall("bench", LSP, capability, input)).output();
    }

    /** {@code lines} lines of TypeScript in modules m0…: exported functions calling each other; returns main.ts. */
    private static Path generate(Path project, int lines) throws Exception {
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("tsconfig.json"), "{\"compilerOptions\": {\"strict\": true, \"target\": \"es2020\", \"module\": \"commonjs\"}, \"include\": [\"src\"]}");
        int modules = Math.max(1, lines / 500);
        for (int m = 0; m < modules; m++) {
            StringBuilder b = new StringBuilder();
            if (m > 0) {
                b.append("import * as prev from \"./m").append(m - 1).append("\";\n");
            }
            for (int f = 0; f < 100; f++) {
                b.append("/** Function ").append(f).append(" of module ").append(m).append(". */\n");
                b.append("export function fn").append(f).append("(n: number): number {\n");
                b.append("  const twice = n * 2;\n");
                b.append(m > 0 ? "  return prev.fn" + f + "(twice) + 1;\n" : "  return twice + " + f + ";\n");
                b.append("}\n");
            }
            Files.writeString(project.resolve("src").resolve("m" + m + ".ts"), b);
        }
        Path main = project.resolve("src").resolve("main.ts");
        Files.writeString(main, "import * as m0 from \"./m0\";\n\nexport const start = m0.fn1(2);\n");
        return main;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A figure, or null when nothing was measured (never a made-up 0). */
    private static com.fasterxml.jackson.databind.JsonNode figure(double v) {
        return Double.isNaN(v) ? JSON.nullNode() : JSON.getNodeFactory().numberNode(round(v));
    }

    private static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
