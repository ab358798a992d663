package dev.symphony.packaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.text.Rope;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.models.InlineCompletion;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.editor.bench.EditorViewBench;
import dev.symphony.ui.editor.bench.PulseDriver;
import dev.symphony.ui.inline.InlineSuggestionController;
import dev.symphony.ui.inline.InlineSuggestions;
import dev.symphony.ui.inline.ModelSuggestionSource;
import dev.symphony.ui.probe.FrameClock;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * {@code symphony bench inline [--quick]}: inline suggestions in the real editor view (headless Monocle) from the real
 * chain — the kernel, the openai-compatible Instrument's host, brokered HTTP — to a real llama.cpp server serving the
 * demo GGUF with {@code --threads 1} under {@code nice -n 19}. Prints one JSON line:
 * <ul>
 *   <li>{@code ghostTextOverheadP50Ms}/{@code P99Ms}: a keystroke → the frame that shows its ghost text, minus the
 *       pause before asking ({@code editor.inlineSuggest.delayMs}) and minus the model's own latency for the same
 *       request sent straight to the server just before (the demo model has no FIM tokens, so both go to
 *       {@code /v1/completions});</li>
 *   <li>{@code typingP50Ms}/{@code typingP99Ms}: keystroke → its frame while suggestions are on (requests cancelled by
 *       each newer keystroke), measured as {@code bench editor-view} measures typing;</li>
 *   <li>{@code staleSuggestions}: ghost text shown for a text or caret other than the current one (must be 0);</li>
 *   <li>the load average at the start and the end: a figure taken above 0.5 is not a result.</li>
 * </ul>
 */
final class InlineBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTRUMENT = "dev.symphony.samples.openai-compatible";
    private static final int DELAY_MS = 150;

    private InlineBench() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        if (args.length > (quick ? 1 : 0)) {
            err.println("usage: symphony bench inline [--quick]");
            return SymphonyMain.USAGE;
        }
        int suggestions = quick ? 10 : 60;
        int keystrokes = quick ? 100 : 600;
        Path repo = BenchCommand.repoRoot();
        Path work = Files.createTempDirectory("symphony-bench-inline");
        ObjectNode result = JSON.createObjectNode().put("loadAverageAtStart", loadAverage());
        EditorViewBench.useHeadlessPlatformUnlessChosen();
        try (LlamaServer server = LlamaServer.start(repo, LlamaServer.build(repo), work, true, 2048)) {
            String base = "http://127.0.0.1:" + server.port + "/v1";
            Path home = work.resolve("home");
            System.setProperty("symphony.home", home.toString());
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config/settings.json"), JSON.createObjectNode().put(INSTRUMENT + ".baseUrl", base)
                    .put("models.inline", INSTRUMENT + "/server").toString());
            SymphonyPaths paths = SymphonyPaths.resolve();
            try (Kernel kernel = Kernel.start(KernelContext.standard());
                 SettingsService settings = new SettingsService(SettingsSchema.core(), paths.userSettingsFile(), null);
                 ModelSuggestionSource source = new ModelSuggestionSource(CompletableFuture.completedFuture(kernel), settings)) {
                measure(source, base, suggestions, keystrokes, result);
            }
        }
        result.put("loadAverageAtEnd", loadAverage());
        out.println(result);
        return 0;
    }

    private record Session(Stage stage, Scene scene, EditorView view, FrameClock frames, InlineSuggestionController controller) {
    }

    private static void measure(ModelSuggestionSource source, String base, int suggestions, int keystrokes, ObjectNode result) throws Exception {
        EditorViewBench.startPlatform();
        AtomicInteger stale = new AtomicInteger();
        AtomicLong shownAt = new AtomicLong();
        CompletableFuture<Session> ready = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) { // small: the demo GGUF's context is 2,048 tokens of about one character each
            text.append("    static int value").append(i).append("(int a, int b) {\n        return a * ").append(i).append(" + b;\n    }\n");
        }
        Rope rope = Rope.of("class Values {\n" + text + "}\n");
        Platform.runLater(() -> {
            EditorView view = new EditorView(new Buffer(rope, System::currentTimeMillis));
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1200, 760);
            stage.setScene(scene);
            stage.show();
            view.requestFocus();
            FrameClock frames = new FrameClock(scene);
            InlineSuggestionController[] controller = new InlineSuggestionController[1];
            // answers run on the FX thread; after each, a ghost text for another state than the current is stale, and
            // the first frame after a suggestion appears is the moment it is visible
            java.util.concurrent.Executor fx = task -> Platform.runLater(() -> {
                boolean before = !view.ghostText().isEmpty();
                task.run();
                InlineSuggestions model = controller[0].model();
                InlineSuggestions.Shown shown = model.shown();
                if (shown != null && (shown.state() != model.current().state() || shown.caret() != caretOf(view))) {
                    stale.incrementAndGet();
                }
                if (!before && !view.ghostText().isEmpty()) {
                    frames.afterNextFrame(shownAt::set);
                }
            });
            controller[0] = new InlineSuggestionController(view, source, fx, DELAY_MS);
            ready.complete(new Session(stage, scene, view, frames, controller[0]));
        });
        Session s = ready.get(60, TimeUnit.SECONDS);
        PulseDriver driver = new PulseDriver(s.scene(), s.frames());
        HttpClient http = HttpClient.newHttpClient();
        long[] overhead = new long[suggestions];
        long[] model = new long[suggestions];
        int got = 0;
        for (int i = -3; i < suggestions; i++) { // three warm-ups: the host starts, /infill is found unsupported
            int line = 3 + 3 * Math.floorMod(i * 5, 8);
            PulseDriver.onFx(() -> {
                s.view().controller().goToLine(line, 1000);
                s.view().controller().insertAtCaret("\n        int ");
            });
            Thread.sleep(DELAY_MS * 3L); // the insertion's own suggestion comes and goes
            String prefix = fxGet(() -> {
                Rope r = s.view().buffer().text();
                int caret = caretOf(s.view());
                return r.substring(Math.max(0, caret - InlineCompletion.PREFIX_CHARS), caret) + "t";
            });
            long modelNanos = direct(http, base, prefix);
            PulseDriver.onFx(() -> s.controller().model().dismiss()); // a suggestion still shown would be kept by a matching "t"
            shownAt.set(0);
            long[] start = {0};
            driver.measure(() -> {
                start[0] = System.nanoTime();
                s.view().fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, "t", "", KeyCode.UNDEFINED, false, false, false, false));
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (shownAt.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (i >= 0 && shownAt.get() != 0) {
                model[got] = modelNanos;
                overhead[got++] = shownAt.get() - start[0] - TimeUnit.MILLISECONDS.toNanos(DELAY_MS) - modelNanos;
            }
            PulseDriver.onFx(() -> s.controller().model().dismiss());
        }
        double[] typing = new double[keystrokes];
        PulseDriver.onFx(() -> s.view().controller().goToLine(24, 1000));
        for (int k = 0; k < keystrokes; k++) {
            String ch = k % 6 == 5 ? " " : String.valueOf((char) ('a' + k % 26));
            KeyEvent event = new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false);
            typing[k] = driver.measure(() -> s.view().fireEvent(event));
            Thread.sleep(k % 20 == 19 ? DELAY_MS * 2L : 15); // a fast typist, pausing now and then so suggestions are asked for
        }
        Platform.runLater(s.stage()::close);
        long[] o = Arrays.copyOf(overhead, got);
        long[] m = Arrays.copyOf(model, got);
        Arrays.sort(o);
        Arrays.sort(m);
        Arrays.sort(typing);
        result.put("suggestionsShown", got).put("suggestionsAsked", suggestions).put("pauseMs", DELAY_MS);
        result.put("modelP50Ms", got == 0 ? -1 : ms(m[got / 2]));
        result.put("ghostTextOverheadP50Ms", got == 0 ? -1 : ms(o[got / 2]));
        result.put("ghostTextOverheadP99Ms", got == 0 ? -1 : ms(o[Math.min(got - 1, (int) (got * 0.99))]));
        result.put("keystrokes", keystrokes);
        result.put("typingP50Ms", round(typing[keystrokes / 2]));
        result.put("typingP99Ms", round(typing[(int) (keystrokes * 0.99)]));
        result.put("inlineRequests", fxGet(() -> s.controller().model().requests()));
        result.put("staleSuggestions", stale.get());
    }

    private static <T> T fxGet(java.util.concurrent.Callable<T> read) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(read.call());
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static int caretOf(EditorView view) {
        var sels = view.buffer().selections();
        return sels.get(sels.size() - 1).head();
    }

    /** The model's own latency: what the Instrument sends for this prefix, straight to the server. */
    private static long direct(HttpClient http, String base, String prefix) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("prompt", prefix).put("max_tokens", InlineCompletion.MAX_TOKENS)
                .put("temperature", 0.2).put("stream", true);
        body.putArray("stop").add("\n\n\n");
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the server answered " + r.statusCode() + ": " + r.body());
        }
        return nanos;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }
}
